package dev.heroku4j.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import dev.heroku4j.autoconfigure.HerokuClientAutoConfiguration;
import dev.heroku4j.client.ReactiveHerokuClient;

/**
 * Auto-configuration of the {@value HerokuRateLimitMetrics#REMAINING} gauge when Micrometer is in use. HTTP client
 * metrics ({@code http.client.requests}, with URI templates as the {@code uri} tag) come from Spring Boot's WebClient
 * observation, because the client is built from Boot's {@code WebClient.Builder}.
 */
@AutoConfiguration(after = HerokuClientAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ ReactiveHerokuClient.class, MeterRegistry.class, MeterBinder.class })
@ConditionalOnBooleanProperty(name = "heroku.enabled", matchIfMissing = true)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnSingleCandidate(ReactiveHerokuClient.class)
public final class HerokuMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HerokuRateLimitMetrics herokuRateLimitMetrics(ReactiveHerokuClient reactiveHerokuClient) {
        return new HerokuRateLimitMetrics(reactiveHerokuClient.rateLimitTracker(),
                reactiveHerokuClient.rateLimitThrottle().orElse(null));
    }

}
