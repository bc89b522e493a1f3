package dev.heroku4j.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.heroku4j.client.ratelimit.RateLimitTracker;

class HerokuRateLimitMetricsTests {

    @Test
    void bindTo_whenTrackerRecords_gaugeShowsLatestValue() {
        RateLimitTracker tracker = new RateLimitTracker();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new HerokuRateLimitMetrics(tracker).bindTo(registry);
        Gauge gauge = registry.get("heroku.ratelimit.remaining").gauge();
        assertThat(gauge.value()).isNaN();
        assertThat(gauge.getId().getBaseUnit()).isEqualTo("requests");
        tracker.record(4000);
        tracker.record(3999);
        assertThat(gauge.value()).isEqualTo(3999.0);
    }

}
