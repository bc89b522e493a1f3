package dev.heroku4j.autoconfigure.ratelimit;

import java.util.function.Supplier;

import javax.sql.DataSource;

import io.lettuce.core.AbstractRedisClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.heroku4j.autoconfigure.HerokuClientAutoConfiguration;
import dev.heroku4j.autoconfigure.HerokuClientCustomizer;
import dev.heroku4j.autoconfigure.HerokuProperties;
import dev.heroku4j.client.ratelimit.shared.AccountBucketStore;
import dev.heroku4j.client.ratelimit.shared.PostgresBucketStore;
import dev.heroku4j.client.ratelimit.shared.RedisBucketStore;
import dev.heroku4j.client.ratelimit.shared.SharedThrottleSettings;
import dev.heroku4j.client.ratelimit.shared.SharedThrottles;

/**
 * With {@code heroku.rate-limit.shared.enabled=true} and Bucket4j on the classpath: the clients pace themselves with
 * one bucket per Heroku account in the application's Redis (its {@link LettuceConnectionFactory}) or PostgreSQL (its
 * {@link DataSource}), as {@code heroku.rate-limit.shared.store} says. Made as a {@link HerokuClientCustomizer}, so
 * it applies to the starter's clients. No store bean: start-up fails, naming what is missing.
 */
@AutoConfiguration(before = HerokuClientAutoConfiguration.class,
        afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnClass(name = "io.github.bucket4j.Bucket")
@ConditionalOnBooleanProperty(name = "heroku.rate-limit.shared.enabled")
public final class HerokuSharedThrottleAutoConfiguration {

    @Bean
    HerokuClientCustomizer herokuSharedThrottle(HerokuProperties properties,
            ObjectProvider<RedisStoreFactory> redis, ObjectProvider<PostgresStoreFactory> postgres) {
        HerokuProperties.RateLimit rateLimit = properties.getRateLimit();
        HerokuProperties.Shared shared = rateLimit.getShared();
        Supplier<AccountBucketStore> store = switch (shared.getStore()) {
            case REDIS -> required(redis.getIfAvailable(), "redis", "a LettuceConnectionFactory bean (spring-boot-starter-data-redis) and bucket4j_jdk17-lettuce");
            case POSTGRESQL -> required(postgres.getIfAvailable(), "postgresql", "a DataSource bean and bucket4j_jdk17-postgresql");
            case AUTO -> {
                Supplier<AccountBucketStore> r = redis.getIfAvailable();
                yield (r != null) ? r : required(postgres.getIfAvailable(), "auto",
                        "a LettuceConnectionFactory bean with bucket4j_jdk17-lettuce, or a DataSource bean with bucket4j_jdk17-postgresql");
            }
        };
        SharedThrottleSettings settings = SharedThrottleSettings.DEFAULTS.withMargin(shared.getMargin())
            .withStoreTimeout(shared.getStoreTimeout())
            .withRetryStoreAfter(shared.getRetryStoreAfter())
            .withFallback(HerokuClientAutoConfiguration.policy(rateLimit));
        return (builder) -> builder.rateLimitThrottle(SharedThrottles.on(store, settings));
    }

    private static Supplier<AccountBucketStore> required(Supplier<AccountBucketStore> store, String kind, String needs) {
        if (store == null) {
            throw new IllegalStateException("heroku.rate-limit.shared.enabled=true with store=" + kind + " needs "
                    + needs + "; none is there. Add one, or set heroku.rate-limit.shared.enabled=false.");
        }
        return store;
    }

    /** Makes a Redis store on the application's Lettuce connection factory. */
    public interface RedisStoreFactory extends Supplier<AccountBucketStore> {
    }

    /** Makes a PostgreSQL store on the application's DataSource. */
    public interface PostgresStoreFactory extends Supplier<AccountBucketStore> {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
            "io.github.bucket4j.redis.lettuce.Bucket4jLettuce" })
    @ConditionalOnSingleCandidate(type = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory")
    static class Redis {

        @Bean
        RedisStoreFactory herokuRedisBucketStore(LettuceConnectionFactory factory, HerokuProperties properties) {
            HerokuProperties.Shared shared = properties.getRateLimit().getShared();
            // asked at the first call, when the factory has been started
            Supplier<AbstractRedisClient> client = factory::getRequiredNativeClient;
            return () -> RedisBucketStore.of(client, shared.getKeyPrefix(), shared.getStoreTimeout());
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.github.bucket4j.postgresql.Bucket4jPostgreSQL")
    @ConditionalOnBean(DataSource.class)
    static class Postgres {

        @Bean
        PostgresStoreFactory herokuPostgresBucketStore(ObjectProvider<DataSource> dataSource,
                HerokuProperties properties) {
            HerokuProperties.Shared shared = properties.getRateLimit().getShared();
            return () -> new PostgresBucketStore(dataSource.getObject(), shared.getTable(), shared.getStoreTimeout());
        }

    }

}
