package dev.heroku4j.autoconfigure.metrics;

import java.util.Objects;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.heroku4j.client.ratelimit.RateLimitTracker;

/**
 * Binds the gauge {@value #REMAINING}: the latest {@code RateLimit-Remaining} Heroku reported to the client (NaN
 * before the first response).
 */
public class HerokuRateLimitMetrics implements MeterBinder {

    /** Name of the gauge. */
    public static final String REMAINING = "heroku.ratelimit.remaining";

    private final RateLimitTracker tracker;

    /**
     * Creates a binder.
     * @param tracker the client's tracker, e.g. {@code HerokuClient.rateLimitTracker()}
     */
    public HerokuRateLimitMetrics(RateLimitTracker tracker) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(REMAINING, this.tracker, HerokuRateLimitMetrics::remaining)
            .description("Requests left in the Heroku account's rate-limit quota, as last reported by Heroku")
            .baseUnit("requests")
            .strongReference(true)
            .register(registry);
    }

    private static double remaining(RateLimitTracker tracker) {
        return tracker.remaining().isPresent() ? tracker.remaining().getAsInt() : Double.NaN;
    }

}
