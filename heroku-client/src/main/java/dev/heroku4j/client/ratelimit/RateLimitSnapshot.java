package dev.heroku4j.client.ratelimit;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of {@code RateLimit-Remaining}.
 *
 * @param remaining  requests left in the account's quota when the response was sent
 * @param observedAt when the response was received
 */
public record RateLimitSnapshot(int remaining, Instant observedAt) {

    public RateLimitSnapshot {
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
