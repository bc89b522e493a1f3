package dev.heroku4j.autoconfigure.webhooks;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@link HerokuWebhookMetrics} as Micrometer counters, one per outcome. */
public final class MicrometerHerokuWebhookMetrics implements HerokuWebhookMetrics {

    public static final String NAME = "heroku.webhooks.deliveries";

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public MicrometerHerokuWebhookMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            this.counters.put(outcome, Counter.builder(NAME)
                    .description("Heroku webhook deliveries received, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    public void record(Outcome outcome) {
        this.counters.get(outcome).increment();
    }
}
