package dev.heroku4j.client.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How the retry filter retries.
 *
 * @param maxRetries   retries after the first attempt (default 3; 0 disables retrying)
 * @param minBackoff   first backoff, doubled per retry by Reactor's {@code Retry.backoff} (default 500 ms)
 * @param maxBackoff   cap of one backoff (default 8 s)
 * @param jitter       Reactor's jitter factor, 0..1 (default 0.5)
 * @param maxTotalWait no retry starts when it would begin later than this after the first attempt (default 30 s)
 */
public record RetrySettings(int maxRetries, Duration minBackoff, Duration maxBackoff, double jitter,
                            Duration maxTotalWait) {

    public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(8),
            0.5, Duration.ofSeconds(30));

    public RetrySettings {
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0 || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("need 0 <= minBackoff <= maxBackoff and maxTotalWait >= 0");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
    }

    /** No retries at all. */
    public static RetrySettings disabled() {
        return DEFAULTS.withMaxRetries(0);
    }

    public RetrySettings withMaxRetries(int value) {
        return new RetrySettings(value, minBackoff, maxBackoff, jitter, maxTotalWait);
    }

    public RetrySettings withBackoff(Duration min, Duration max) {
        return new RetrySettings(maxRetries, min, max, jitter, maxTotalWait);
    }

    public RetrySettings withJitter(double value) {
        return new RetrySettings(maxRetries, minBackoff, maxBackoff, value, maxTotalWait);
    }

    public RetrySettings withMaxTotalWait(Duration value) {
        return new RetrySettings(maxRetries, minBackoff, maxBackoff, jitter, value);
    }
}
