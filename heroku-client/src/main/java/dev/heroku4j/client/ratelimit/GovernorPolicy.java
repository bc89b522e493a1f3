package dev.heroku4j.client.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how much {@link RateLimitGovernor} slows calls down.
 *
 * @param threshold below this estimated remaining quota calls are delayed (default 450, 10 % of 4,500)
 * @param maxDelay  the delay at an empty quota; it falls linearly to zero at the threshold (default 2 s)
 */
public record GovernorPolicy(int threshold, Duration maxDelay) {

    public static final GovernorPolicy DEFAULTS = new GovernorPolicy(450, Duration.ofSeconds(2));

    public GovernorPolicy {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (threshold < 1 || threshold > RateLimitGovernor.QUOTA || maxDelay.isNegative()) {
            throw new IllegalArgumentException("threshold must be within 1.." + RateLimitGovernor.QUOTA
                    + " and maxDelay >= 0");
        }
    }
}
