package dev.heroku4j.client.ratelimit;

import java.util.Objects;
import java.util.function.Supplier;

import dev.heroku4j.client.auth.ApiKey;

/**
 * Makes the {@link Throttle} of one client when its engine is made. {@link #local(ThrottlePolicy)} gives the local
 * throttle; the shared ones come from {@code dev.heroku4j.client.ratelimit.shared.SharedThrottles}.
 */
@FunctionalInterface
public interface ThrottleFactory {

    /**
     * @param tracker the client's tracker, fed with every {@code RateLimit-Remaining}
     * @param apiKeys where the client's key comes from (a shared throttle keys its bucket by a hash of it)
     */
    Throttle create(RateLimitTracker tracker, Supplier<ApiKey> apiKeys);

    /** The local throttle with this policy. */
    static ThrottleFactory local(ThrottlePolicy policy) {
        return new Local(policy);
    }

    /** The local throttle's factory; equal for equal policies. */
    record Local(ThrottlePolicy policy) implements ThrottleFactory {

        public Local {
            Objects.requireNonNull(policy, "policy");
        }

        @Override
        public Throttle create(RateLimitTracker tracker, Supplier<ApiKey> apiKeys) {
            return new AdaptiveThrottle(tracker, policy);
        }
    }
}
