package dev.heroku4j.client.ratelimit.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Accounts' buckets in PostgreSQL, through Bucket4j's PostgreSQL integration (a transaction-scoped advisory lock per
 * bucket). One row per account in {@code table} ({@code id BIGINT} = 64 bits of the key's hash, {@code state BYTEA}),
 * created if missing the first time a bucket is used. The bucket refills by a {@link SteadyClock}: a wall-clock jump
 * neither fills it at once nor stops its refill.
 */
public final class PostgresBucketStore implements AccountBucketStore {

    public static final String DEFAULT_TABLE = "heroku4j_rate_limit";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");

    private final DataSource dataSource;
    private final String table;
    private final ProxyManager<Long> proxies;
    private volatile boolean tableReady;

    public PostgresBucketStore(DataSource dataSource, String table, Duration timeout) {
        this(dataSource, table, timeout, SteadyClock.system());
    }

    /** With the clock the bucket is refilled by (a {@link SteadyClock} on other clocks, in tests). */
    public PostgresBucketStore(DataSource dataSource, String table, Duration timeout, TimeMeter clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a lower-case SQL name (optionally schema.name), was '"
                    + table + "'");
        }
        this.table = table;
        this.proxies = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .table(table)
                .requestTimeout(timeout)
                .clientClock(clock)
                .build();
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public AccountBucket bucket(AccountHash account, SharedThrottleSettings settings, LongSupplier initialTokens) {
        return new LazyAccountBucket(() -> {
            ensureTable();
            return new Bucket4jAccountBucket(proxies, account.id(), settings, initialTokens);
        });
    }

    /** Creates the table when missing (a store used for the first time). */
    void ensureTable() {
        if (tableReady) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id BIGINT PRIMARY KEY, state BYTEA)");
            tableReady = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the rate-limit table " + table + ": " + e.getMessage(), e);
        }
    }
}
