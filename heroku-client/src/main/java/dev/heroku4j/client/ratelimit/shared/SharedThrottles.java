package dev.heroku4j.client.ratelimit.shared;

import java.util.Objects;
import java.util.function.Supplier;

import dev.heroku4j.client.ratelimit.ThrottleFactory;

/**
 * Factories of shared throttles for {@code HerokuClientBuilder.rateLimitThrottle(ThrottleFactory)}: every client
 * of the account, in any process, paced by one bucket in the store.
 *
 * <pre>{@code
 * HerokuClient.builder().rateLimitThrottle(SharedThrottles.on(
 *         () -> RedisBucketStore.of(redisClient, RedisBucketStore.DEFAULT_PREFIX, Duration.ofMillis(500)),
 *         SharedThrottleSettings.DEFAULTS))
 * }</pre>
 */
public final class SharedThrottles {

    private SharedThrottles() {
    }

    /** A shared throttle on the store made by {@code store} (once per client). */
    public static ThrottleFactory on(Supplier<? extends AccountBucketStore> store, SharedThrottleSettings settings) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        return new ThrottleFactory() {
            @Override
            public dev.heroku4j.client.ratelimit.Throttle create(dev.heroku4j.client.ratelimit.RateLimitTracker tracker,
                                                                 Supplier<dev.heroku4j.client.auth.ApiKey> apiKeys) {
                return new SharedThrottle(store.get(), settings, tracker, apiKeys);
            }

            @Override
            public String toString() {
                return "shared" + settings;
            }
        };
    }
}
