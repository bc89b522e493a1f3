package dev.heroku4j.client.ratelimit.shared;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;

/**
 * Accounts' buckets in Redis, through Bucket4j's Lettuce integration (compare-and-swap in a Lua script), on a
 * connection of its own from the application's Lettuce client (standalone or cluster), opened at first use. Key:
 * {@code <prefix><hash of the key>}; a key expires a minute after its bucket would be full again, so an idle
 * account leaves nothing behind. The bucket refills by a {@link SteadyClock}: a wall-clock jump neither fills it at
 * once nor stops its refill.
 */
public final class RedisBucketStore implements AccountBucketStore {

    public static final String DEFAULT_PREFIX = "heroku4j:rate-limit:";

    private final Supplier<? extends AbstractRedisClient> client;
    private final String prefix;
    private final Duration timeout;
    private final TimeMeter clock;
    private @Nullable LettuceBasedProxyManager<byte[]> proxies;
    private @Nullable StatefulConnection<byte[], byte[]> connection;

    private RedisBucketStore(Supplier<? extends AbstractRedisClient> client, String prefix, Duration timeout,
                             TimeMeter clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** On the application's client, asked for at first use (a connection factory may start after the client). */
    public static RedisBucketStore of(Supplier<? extends AbstractRedisClient> client, String prefix, Duration timeout) {
        return new RedisBucketStore(client, prefix, timeout, SteadyClock.system());
    }

    public static RedisBucketStore of(AbstractRedisClient client, String prefix, Duration timeout) {
        return of(client, prefix, timeout, SteadyClock.system());
    }

    /** With the clock the bucket is refilled by (a {@link SteadyClock} on other clocks, in tests). */
    public static RedisBucketStore of(AbstractRedisClient client, String prefix, Duration timeout, TimeMeter clock) {
        return new RedisBucketStore(() -> client, prefix, timeout, clock);
    }

    @Override
    public String name() {
        return "redis";
    }

    private synchronized LettuceBasedProxyManager<byte[]> proxies() {
        if (proxies == null) {
            AbstractRedisClient c = client.get();
            ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
            if (c instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<byte[], byte[]> conn = cluster.connect(ByteArrayCodec.INSTANCE);
                conn.setTimeout(timeout);
                connection = conn;
                proxies = Bucket4jLettuce.casBasedBuilder(conn).expirationAfterWrite(expiry).requestTimeout(timeout)
                        .clientClock(clock).build();
            } else if (c instanceof RedisClient standalone) {
                var conn = standalone.connect(ByteArrayCodec.INSTANCE);
                conn.setTimeout(timeout);
                connection = conn;
                proxies = Bucket4jLettuce.casBasedBuilder(conn).expirationAfterWrite(expiry).requestTimeout(timeout)
                        .clientClock(clock).build();
            } else {
                throw new IllegalStateException("Unsupported Lettuce client " + c.getClass().getName());
            }
        }
        return proxies;
    }

    @Override
    public AccountBucket bucket(AccountHash account, SharedThrottleSettings settings, LongSupplier initialTokens) {
        byte[] key = (prefix + account.hex()).getBytes(StandardCharsets.UTF_8);
        return new LazyAccountBucket(() -> new Bucket4jAccountBucket(proxies(), key, settings, initialTokens));
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
