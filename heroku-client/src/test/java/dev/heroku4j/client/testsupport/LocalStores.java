package dev.heroku4j.client.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;

/**
 * The shared throttle's two stores for a test class: a real redis-server and a real PostgreSQL (Debian's binaries,
 * {@link LocalRedis}, {@link LocalPostgres}), a Lettuce client and a Hikari pool on them. Closing is null-safe, so a
 * failed start leaves no server behind.
 */
public final class LocalStores implements AutoCloseable {

    public LocalRedis redis;

    public LocalPostgres postgres;

    public RedisClient redisClient;

    public HikariDataSource dataSource;

    private LocalStores() {
    }

    /** Both servers started, the pool at most {@code poolSize} connections. */
    public static LocalStores started(int poolSize) throws Exception {
        LocalStores stores = new LocalStores();
        try {
            stores.redis = LocalRedis.started();
            stores.postgres = LocalPostgres.started();
            stores.redisClient = RedisClient.create(stores.redis.uri());
            HikariConfig hikari = new HikariConfig();
            hikari.setJdbcUrl(stores.postgres.jdbcUrl());
            hikari.setMaximumPoolSize(poolSize);
            hikari.setConnectionTimeout(1000);
            hikari.setInitializationFailTimeout(30_000);            // PostgreSQL listens a moment before it accepts
            stores.dataSource = new HikariDataSource(hikari);
            return stores;
        }
        catch (Exception ex) {
            stores.close();
            throw ex;
        }
    }

    @Override
    public void close() throws Exception {
        if (this.redisClient != null) {
            this.redisClient.shutdown();
        }
        if (this.dataSource != null) {
            this.dataSource.close();
        }
        if (this.redis != null) {
            this.redis.close();
        }
        if (this.postgres != null) {
            this.postgres.close();
        }
    }
}
