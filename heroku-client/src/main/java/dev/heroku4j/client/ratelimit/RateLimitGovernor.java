package dev.heroku4j.client.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Optional (off by default): slows calls down as the quota runs low, instead of running into 429s.
 *
 * <p>Policy: Heroku grants {@value #QUOTA} requests per hour, refilled continuously at about 1.25 per second. From the
 * latest reading the governor estimates the quota now ({@code remaining + 1.25 × seconds since the reading}, capped at
 * {@value #QUOTA}). At or above {@code threshold} there is no delay; below it, each attempt waits
 * {@code maxDelay × (threshold − estimate) / threshold}, i.e. rising linearly to {@code maxDelay} at an empty quota.
 * Defaults: threshold 450 (10 % of the quota), max delay 2 s. Before any reading, no delay.
 *
 * @see RateLimitTracker
 */
public final class RateLimitGovernor implements ExchangeFilterFunction {

    public static final int QUOTA = 4_500;
    public static final double REFILL_PER_SECOND = QUOTA / 3600.0;

    private final RateLimitTracker tracker;
    private final int threshold;
    private final Duration maxDelay;

    public RateLimitGovernor(RateLimitTracker tracker) {
        this(tracker, GovernorPolicy.DEFAULTS);
    }

    public RateLimitGovernor(RateLimitTracker tracker, int threshold, Duration maxDelay) {
        this(tracker, new GovernorPolicy(threshold, maxDelay));
    }

    public RateLimitGovernor(RateLimitTracker tracker, GovernorPolicy policy) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.threshold = policy.threshold();
        this.maxDelay = policy.maxDelay();
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> {
            Duration delay = currentDelay();
            Mono<ClientResponse> call = Mono.defer(() -> next.exchange(request));
            return delay.isZero() ? call : Mono.delay(delay).then(call);
        });
    }

    /** The delay the next call would get now. */
    public Duration currentDelay() {
        return tracker.current().map(s -> delayFor(s, tracker.clock().instant())).orElse(Duration.ZERO);
    }

    Duration delayFor(RateLimitSnapshot snapshot, Instant now) {
        double seconds = Math.max(0, Duration.between(snapshot.observedAt(), now).toMillis() / 1000.0);
        double estimate = Math.min(QUOTA, snapshot.remaining() + seconds * REFILL_PER_SECOND);
        if (estimate >= threshold) {
            return Duration.ZERO;
        }
        double share = (threshold - Math.max(0, estimate)) / threshold;
        return Duration.ofMillis(Math.round(maxDelay.toMillis() * share));
    }

    @Override
    public String toString() {
        return "RateLimitGovernor[threshold=" + threshold + ", maxDelay=" + maxDelay + "]";
    }
}
