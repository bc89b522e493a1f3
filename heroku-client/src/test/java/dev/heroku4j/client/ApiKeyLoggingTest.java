package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.heroku4j.client.testsupport.Scenarios.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.netty.handler.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.transport.logging.AdvancedByteBufFormat;

import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.LogCapture;

/** The API key must not reach any log, at any level, from our code, Spring or Reactor Netty. */
class ApiKeyLoggingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "hrku-AAAAAAAAAAAA-leak-canary-BBBBBBBBBBBB";

    @Test
    void calls_whenEverythingLogsAtTrace_neverLogTheKey() {
        respondInOrder(api,
                // the rate-limit throttle's probe (on by default) at the first call: it carries the key too
                aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("RateLimit-Remaining", "4000").withBody("{\"remaining\":4000}"),
                aResponse().withStatus(503).withBody("{\"id\":\"unavailable\",\"message\":\"Try again.\"}"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"name\":\"x\"}"),
                aResponse().withStatus(422).withBody("{\"id\":\"invalid_params\",\"message\":\"Bad.\"}"));
        HerokuClient heroku = HerokuClient.builder().apiKey(KEY).baseUrl(api.baseUrl())
                .retry(RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(20))).build();

        try (LogCapture logs = LogCapture.of(Level.TRACE, Logger.ROOT_LOGGER_NAME, "dev.heroku4j", "reactor.netty",
                "reactor.netty.http.client", "org.springframework", "io.netty")) {
            heroku.app().appInfo("x");
            assertThatThrownBy(() -> heroku.reactive().app().appCreate(new AppCreateOpts().name("x")).block())
                    .isInstanceOf(HerokuApiException.class)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(KEY));

            assertThat(logs.events()).as("logging was really on").isNotEmpty();
            assertThat(logs.all()).contains("GET /apps/{app_id_or_name} -> 503").contains("GET /apps/{app_id_or_name} -> 200")
                    .contains("POST /apps -> 422")
                    .doesNotContain(KEY).doesNotContain("leak-canary");
        }
        // the key was really sent, so the absence above means something
        assertThat(api.getAllServeEvents()).hasSize(4).allSatisfy(e ->
                assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void wiretap_whenSomeoneEnablesIt_wouldLeakTheKey_soTheConnectorNeverEnablesIt() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        WebClient tapped = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(ReactorConnectors.httpClient(HttpTimeouts.DEFAULTS)
                        .wiretap("reactor.netty.tap", LogLevel.DEBUG, AdvancedByteBufFormat.TEXTUAL)))
                .defaultHeader("Authorization", "Bearer " + KEY)
                .build();

        try (LogCapture logs = LogCapture.of(Level.TRACE, "reactor.netty")) {
            tapped.get().uri(api.baseUrl() + "/apps").retrieve().toBodilessEntity().block();

            // (the default HEX_DUMP format leaks it too, split over dump lines)
            assertThat(logs.all()).as("documents why wiretap stays off").contains("Bearer " + KEY);
        }
        assertThat(ReactorConnectors.httpClient(HttpTimeouts.DEFAULTS).configuration().loggingHandler()).isNull();
        assertThat(ReactorConnectors.streamingHttpClient(HttpTimeouts.DEFAULTS).configuration().loggingHandler()).isNull();
    }
}
