package dev.heroku4j.autoconfigure.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import reactor.core.publisher.Mono;

import dev.heroku4j.autoconfigure.HerokuClientAutoConfiguration;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.health.HerokuHealthIndicator;

class HerokuHealthContributorAutoConfigurationTests {

    private static final String KEY = "hrku-HEALTH-77aa01";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, HerokuClientAutoConfiguration.class,
                HerokuHealthContributorAutoConfiguration.class))
        .withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl());

    @Test
    void herokuHealthContributor_whenClientExists_isRegisteredUnderHerokuName() {
        this.runner.run((context) -> assertThat(context).hasSingleBean(HerokuHealthIndicator.class)
            .hasBean("herokuHealthContributor"));
    }

    @Test
    void health_whenHerokuAnswers_isUpWithRemainingAndBaseUrl() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withHeader("RateLimit-Remaining", "4321")
            .withBody("{\"remaining\": 4321}")));
        this.runner.run((context) -> {
            Health health = health(context.getBean(HerokuHealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("remaining", 4321L).containsEntry("baseUrl", api.baseUrl());
            assertThat(health.getDetails().toString()).doesNotContain(KEY);
        });
    }

    @Test
    void health_whenKeyIsRejected_isDownWithHerokuErrorId() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"id\": \"unauthorized\", \"message\": \"Invalid credentials provided.\"}")));
        this.runner.run((context) -> {
            Health health = health(context.getBean(HerokuHealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "unauthorized")
                .containsEntry("status", 401)
                .containsEntry("message", "Invalid credentials provided.");
            assertThat(health.getDetails().toString()).doesNotContain(KEY);
        });
    }

    @Test
    void health_whenHerokuIsSlowerThanTimeout_isDownQuickly() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withFixedDelay(10_000)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"remaining\": 1}")));
        this.runner.withPropertyValues("heroku.health.timeout=300ms").run((context) -> {
            long start = System.nanoTime();
            Health health = health(context.getBean(HerokuHealthIndicator.class));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "timeout").containsEntry("timeout", "PT0.3S");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        });
    }

    @Test
    void herokuHealthContributor_whenDisabledByManagementProperty_isNotCreated() {
        this.runner.withPropertyValues("management.health.heroku.enabled=false")
            .run((context) -> assertThat(context).hasSingleBean(HerokuClient.class)
                .doesNotHaveBean("herokuHealthContributor"));
    }

    @Test
    void herokuHealthContributor_whenHealthModuleIsAbsent_isNotCreated() {
        this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(HerokuClient.class)
                .doesNotHaveBean("herokuHealthContributor"));
    }

    @Test
    void herokuHealthContributor_whenUserDefinesHerokuHealthIndicator_backsOff() {
        ReactiveHealthIndicator own = () -> Mono.just(Health.up().build());
        this.runner.withBean("herokuHealthIndicator", ReactiveHealthIndicator.class, () -> own)
            .run((context) -> assertThat(context).doesNotHaveBean("herokuHealthContributor")
                .getBean("herokuHealthIndicator")
                .isSameAs(own));
    }

    @Test
    void herokuHealthContributor_whenHerokuIsDisabled_isNotCreated() {
        this.runner.withPropertyValues("heroku.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean("herokuHealthContributor"));
    }

    private static Health health(ReactiveHealthIndicator indicator) {
        return indicator.health(true).block(Duration.ofSeconds(10));
    }

}
