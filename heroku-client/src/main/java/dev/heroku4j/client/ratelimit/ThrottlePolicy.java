package dev.heroku4j.client.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link AdaptiveThrottle} paces one client.
 *
 * @param threshold   below this remaining quota each call waits for its slot (default 100); at or above it, no
 *                    delay at all
 * @param maxInterval the least time between two calls of the client at an empty quota (default 10 s); it falls
 *                    linearly to zero at the threshold, and is multiplied by a crowding factor (1 to 8) that
 *                    doubles on each 429 and decays while the quota stays above the threshold
 * @param probe       whether to read the quota with the free {@code GET /account/rate-limits} before the first call
 *                    (default true)
 */
public record ThrottlePolicy(int threshold, Duration maxInterval, boolean probe) {

    public static final int QUOTA = 4_500;
    public static final double REFILL_PER_SECOND = QUOTA / 3600.0;
    /** The longest pause the throttle may put between two calls. */
    public static final Duration MAX_INTERVAL = Duration.ofMinutes(10);
    public static final ThrottlePolicy DEFAULTS = new ThrottlePolicy(100, Duration.ofSeconds(10), true);

    public ThrottlePolicy {
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (threshold < 1 || threshold > QUOTA) {
            throw new IllegalArgumentException("threshold must be within 1.." + QUOTA + ": " + threshold);
        }
        if (maxInterval.isNegative() || maxInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("maxInterval must be within 0..10 min: " + maxInterval);
        }
    }
}
