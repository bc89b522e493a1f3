package dev.heroku4j.client.ratelimit.shared;

import java.time.Duration;
import java.util.Objects;

import dev.heroku4j.client.ratelimit.ThrottlePolicy;

/**
 * How a {@link SharedThrottle} behaves.
 *
 * @param margin          tokens of Heroku's quota the shared bucket leaves alone (default 10), for calls that take
 *                        no token (the health check's free call is one; other tools on the account are not): the
 *                        bucket holds at most {@code capacity - margin}
 * @param upwardSlack     how far below Heroku's reading an idle bucket may be before tokens are given back
 *                        (default 450)
 * @param storeTimeout    the longest a call waits for the store's answer before pacing locally (default 500 ms)
 * @param retryStoreAfter how long the local throttle paces after a store failure before the store is tried again
 *                        (default 5 s)
 * @param fallback        the local throttle's policy, used while the store is unreachable
 * @param capacity        the account's quota (Heroku: 4,500)
 * @param refillPerMinute tokens the quota gains a minute (Heroku: 75); another pair only for a server that differs
 *                        (a simulator configured so)
 */
public record SharedThrottleSettings(int margin, int upwardSlack, Duration storeTimeout, Duration retryStoreAfter,
                                     ThrottlePolicy fallback, int capacity, int refillPerMinute) {

    public static final SharedThrottleSettings DEFAULTS = new SharedThrottleSettings(10, 450, Duration.ofMillis(500),
            Duration.ofSeconds(5), ThrottlePolicy.DEFAULTS, ThrottlePolicy.QUOTA, 75);

    public SharedThrottleSettings {
        Objects.requireNonNull(storeTimeout, "storeTimeout");
        Objects.requireNonNull(retryStoreAfter, "retryStoreAfter");
        Objects.requireNonNull(fallback, "fallback");
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalArgumentException("capacity and refillPerMinute must be >= 1: " + capacity + ", "
                    + refillPerMinute);
        }
        if (margin < 0 || margin >= capacity || upwardSlack < 0) {
            throw new IllegalArgumentException("margin must be within 0.." + (capacity - 1) + " and upwardSlack >= 0");
        }
        if (storeTimeout.isNegative() || storeTimeout.isZero() || retryStoreAfter.isNegative()) {
            throw new IllegalArgumentException("storeTimeout must be > 0 and retryStoreAfter >= 0");
        }
    }

    public SharedThrottleSettings withStoreTimeout(Duration value) {
        return new SharedThrottleSettings(margin, upwardSlack, value, retryStoreAfter, fallback, capacity, refillPerMinute);
    }

    public SharedThrottleSettings withRetryStoreAfter(Duration value) {
        return new SharedThrottleSettings(margin, upwardSlack, storeTimeout, value, fallback, capacity, refillPerMinute);
    }

    /** The local throttle's policy while the store is unreachable. */
    public SharedThrottleSettings withFallback(ThrottlePolicy value) {
        return new SharedThrottleSettings(margin, upwardSlack, storeTimeout, retryStoreAfter, value, capacity,
                refillPerMinute);
    }

    /** A server whose quota is not Heroku's (a simulator's budget and refill). */
    public SharedThrottleSettings withQuota(int quota, int perMinute) {
        return new SharedThrottleSettings(margin, upwardSlack, storeTimeout, retryStoreAfter, fallback, quota, perMinute);
    }

    public SharedThrottleSettings withMargin(int value) {
        return new SharedThrottleSettings(value, upwardSlack, storeTimeout, retryStoreAfter, fallback, capacity, refillPerMinute);
    }
}
