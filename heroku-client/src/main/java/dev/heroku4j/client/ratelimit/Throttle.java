package dev.heroku4j.client.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Paces the attempts of one client so that the account's quota is not over-drawn. {@link ThrottleFilter} asks it
 * before each attempt and tells it about each 429; readings of {@code RateLimit-Remaining} reach it through the
 * client's {@link RateLimitTracker}. Implementations: {@link AdaptiveThrottle} (local, no coordination) and the
 * shared throttles of {@code dev.heroku4j.client.ratelimit.shared} (one Bucket4j bucket per account).
 */
public interface Throttle {

    /** Completes when the next attempt may be sent; never fails (a throttle that cannot decide lets the call go). */
    Mono<Void> acquire();

    /** An attempt met a 429; {@code retryAfter} is Heroku's {@code Retry-After}, if any. */
    void onLimited(@Nullable Duration retryAfter);

    /** Whether no reading of the quota is known yet, so that a free {@code GET /account/rate-limits} is worth it. */
    boolean needsProbe();

    /** What the throttle is doing now, for health and metrics. */
    ThrottleStats stats();

    /** Stops background work (a shared throttle's store connection it opened itself); the default does nothing. */
    default void close() {
    }
}
