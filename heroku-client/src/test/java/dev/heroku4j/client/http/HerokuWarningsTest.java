package dev.heroku4j.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.internal.HerokuExchangeFilter;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

/** Heroku's warnings as the engine logs them (its one per-attempt filter). */
class HerokuWarningsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static HerokuExchangeFilter engineFilter() {
        return new HerokuExchangeFilter(new HerokuRequestHeaders("heroku4j/test", "3"),
                new BearerAuth(() -> ApiKey.of("the-key", "test"), java.net.URI.create(api.baseUrl())), new RateLimitTracker());
    }

    @Test
    void filter_whenSameWarningRepeats_logsItOnceAtWarn() {
        api.stubFor(get(urlPathEqualTo("/stacks")).willReturn(aResponse().withStatus(200)
                .withHeader("Warning-Message", "The cedar-14 stack is deprecated.")));
        api.stubFor(get(urlPathEqualTo("/apps")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Heroku-Warning", "Range max above 1000 ignored.")));
        WebClient client = WebClient.builder().baseUrl(api.baseUrl()).filter(engineFilter()).build();

        try (LogCapture logs = LogCapture.of(Level.DEBUG, HerokuWarnings.class)) {
            for (int i = 0; i < 3; i++) {
                client.get().uri("/stacks").retrieve().toBodilessEntity().block();
                client.get().uri("/apps").retrieve().toBodilessEntity().block();
            }

            assertThat(logs.events()).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
            assertThat(logs.messages()).containsExactly(
                    "Heroku warning (GET /stacks): The cedar-14 stack is deprecated.",
                    "Heroku warning (GET /apps): Range max above 1000 ignored.");
        }
    }

    @Test
    void filter_whenManyDistinctWarnings_remembersOnlyABoundedNumber() {
        api.stubFor(get(urlPathEqualTo("/w")).willReturn(aResponse().withStatus(200)
                .withHeader("Warning-Message", "{{request.query.n}}").withTransformers("response-template")));
        WebClient client = WebClient.builder().baseUrl(api.baseUrl()).filter(engineFilter()).build();

        try (LogCapture logs = LogCapture.of(Level.WARN, HerokuWarnings.class)) {
            for (int i = 0; i <= HerokuWarnings.MAX_REMEMBERED; i++) {
                client.get().uri("/w?n={n}", i).retrieve().toBodilessEntity().block();
            }
            client.get().uri("/w?n={n}", 0).retrieve().toBodilessEntity().block(); // evicted, so logged again

            assertThat(logs.events()).hasSize(HerokuWarnings.MAX_REMEMBERED + 2);
        }
    }
}
