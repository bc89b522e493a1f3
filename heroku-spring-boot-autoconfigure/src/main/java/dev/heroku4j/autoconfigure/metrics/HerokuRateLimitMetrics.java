package dev.heroku4j.autoconfigure.metrics;

import java.util.Objects;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.ratelimit.Throttle;
import org.jspecify.annotations.Nullable;

/**
 * Binds the gauge {@value #REMAINING}: the latest {@code RateLimit-Remaining} Heroku reported to the client (NaN
 * before the first response); with a throttle also {@value #DELAY} (the delay it last gave a call, seconds),
 * {@value #AVOIDED} (calls it delayed as the quota ran low: 429s avoided), {@value #MET} (429s met all the same)
 * and, for a shared throttle, {@value #STORE_UP} (1 while the store answers, 0 while the local throttle stands in).
 * Every throttle meter is tagged {@code throttle=<local|shared-redis|shared-postgresql>}.
 */
public class HerokuRateLimitMetrics implements MeterBinder {

    /** Name of the gauge. */
    public static final String REMAINING = "heroku.ratelimit.remaining";

    public static final String DELAY = "heroku.ratelimit.throttle.delay";

    public static final String AVOIDED = "heroku.ratelimit.throttle.delayed";

    public static final String MET = "heroku.ratelimit.throttle.limited";

    public static final String STORE_UP = "heroku.ratelimit.throttle.store.up";

    private final RateLimitTracker tracker;

    private final @Nullable Throttle throttle;

    /**
     * Creates a binder.
     * @param tracker the client's tracker, e.g. {@code HerokuClient.rateLimitTracker()}
     */
    public HerokuRateLimitMetrics(RateLimitTracker tracker) {
        this(tracker, null);
    }

    /**
     * Creates a binder.
     * @param tracker the client's tracker, e.g. {@code HerokuClient.rateLimitTracker()}
     * @param throttle the client's throttle ({@code HerokuClient.rateLimitThrottle()}), or null
     */
    public HerokuRateLimitMetrics(RateLimitTracker tracker, @Nullable Throttle throttle) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.throttle = throttle;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(REMAINING, this.tracker, HerokuRateLimitMetrics::remaining)
            .description("Requests left in the Heroku account's rate-limit quota, as last reported by Heroku")
            .baseUnit("requests")
            .strongReference(true)
            .register(registry);
        Throttle t = this.throttle;
        if (t == null) {
            return;
        }
        String kind = t.stats().kind();
        Gauge.builder(DELAY, t, (x) -> x.stats().currentDelay().toNanos() / 1e9)
            .description("The delay the rate-limit throttle last gave a call")
            .baseUnit("seconds").tag("throttle", kind).strongReference(true).register(registry);
        FunctionCounter.builder(AVOIDED, t, (x) -> x.stats().delayed())
            .description("Calls the throttle delayed as the quota ran low (429s avoided)")
            .tag("throttle", kind).register(registry);
        FunctionCounter.builder(MET, t, (x) -> x.stats().limited())
            .description("429s met although throttled")
            .tag("throttle", kind).register(registry);
        if (t.stats().storeUp() != null) {
            Gauge.builder(STORE_UP, t, (x) -> Boolean.TRUE.equals(x.stats().storeUp()) ? 1 : 0)
                .description("1 while the shared throttle's store answers, 0 while the local throttle stands in")
                .tag("throttle", kind).strongReference(true).register(registry);
        }
    }

    private static double remaining(RateLimitTracker tracker) {
        return tracker.remaining().isPresent() ? tracker.remaining().getAsInt() : Double.NaN;
    }

}
