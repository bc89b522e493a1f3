package dev.heroku4j.client.ratelimit;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A throttle's state, for health details and meters.
 *
 * @param kind         the throttle configured: {@code local}, {@code shared-redis} or {@code shared-postgresql}
 * @param active       the one pacing calls now: {@code kind}, or {@code local} while a shared store is unreachable
 * @param currentDelay the delay the throttle last gave an attempt
 * @param delayed      attempts delayed because the quota was running low (429s avoided, as far as a client can tell)
 * @param limited      429s met all the same
 * @param storeUp      whether the shared store answered last time; null for the local throttle
 */
public record ThrottleStats(String kind, String active, Duration currentDelay, long delayed, long limited,
                            @Nullable Boolean storeUp) {

    public ThrottleStats {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(currentDelay, "currentDelay");
    }
}
