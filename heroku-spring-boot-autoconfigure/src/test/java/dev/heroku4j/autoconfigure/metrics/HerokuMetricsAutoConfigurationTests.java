package dev.heroku4j.autoconfigure.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import dev.heroku4j.autoconfigure.HerokuClientAutoConfiguration;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.App;

class HerokuMetricsAutoConfigurationTests {

    private static final String KEY = "hrku-METRICS-9f9f";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
                HerokuClientAutoConfiguration.class, HerokuMetricsAutoConfiguration.class))
        .withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl());

    @Test
    void remainingGauge_whenHerokuReportsQuota_followsTheLatestReading() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withHeader("RateLimit-Remaining", "4123")
            .withBody("{\"remaining\": 4123}")));
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(HerokuRateLimitMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Gauge gauge = registry.get(HerokuRateLimitMetrics.REMAINING).gauge();
            assertThat(gauge.value()).isNaN();
            context.getBean(HerokuClient.class).rateLimit().rateLimitInfo();
            assertThat(gauge.value()).isEqualTo(4123.0);
        });
    }

    @Test
    void httpClientRequests_whenPathHasIdentity_areTaggedWithTheUriTemplate() {
        api.stubFor(get(urlPathEqualTo("/apps/my-secret-app-name")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"name\": \"my-secret-app-name\"}")));
        this.runner.run((context) -> {
            App app = context.getBean(HerokuClient.class).app().appInfo("my-secret-app-name");
            assertThat(app.getName()).isEqualTo("my-secret-app-name");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer timer = registry.get("http.client.requests").tag("uri", "/apps/{app_id_or_name}").timer();
            assertThat(timer.count()).isEqualTo(1);
            assertThat(registry.getMeters()).flatMap((meter) -> meter.getId().getTags())
                .noneMatch((tag) -> tag.getValue().contains("my-secret-app-name"));
        });
    }

    @Test
    void herokuRateLimitMetrics_whenMicrometerIsAbsent_isNotCreated() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
                    HerokuClientAutoConfiguration.class, HerokuMetricsAutoConfiguration.class))
            .withPropertyValues("heroku.api-key=" + KEY)
            .withClassLoader(new FilteredClassLoader("io.micrometer.core"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(HerokuClient.class)
                .doesNotHaveBean(HerokuRateLimitMetrics.class));
    }

    @Test
    void herokuRateLimitMetrics_whenNoMeterRegistryBean_isNotCreated() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
                    HerokuClientAutoConfiguration.class, HerokuMetricsAutoConfiguration.class))
            .withPropertyValues("heroku.api-key=" + KEY)
            .run((context) -> assertThat(context).hasSingleBean(HerokuClient.class)
                .doesNotHaveBean(HerokuRateLimitMetrics.class));
    }

    @Test
    void herokuRateLimitMetrics_whenHerokuIsDisabled_isNotCreated() {
        this.runner.withPropertyValues("heroku.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HerokuRateLimitMetrics.class));
    }

    @Test
    void herokuRateLimitMetrics_whenUserDefinesOne_backsOff() {
        this.runner
            .withBean("myMetrics", HerokuRateLimitMetrics.class,
                    () -> new HerokuRateLimitMetrics(new dev.heroku4j.client.ratelimit.RateLimitTracker()))
            .run((context) -> assertThat(context).hasSingleBean(HerokuRateLimitMetrics.class).hasBean("myMetrics"));
    }

}
