package dev.heroku4j.client.webclient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.heroku4j.client.testsupport.Scenarios.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import io.netty.handler.logging.LogLevel;
import org.slf4j.Logger;
import reactor.netty.transport.logging.AdvancedByteBufFormat;

/** The API key must not reach any log, at any level, from our code, Spring or Reactor Netty. */
class ApiKeyLoggingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "hrku-AAAAAAAAAAAA-leak-canary-BBBBBBBBBBBB";

    @Test
    void calls_whenEverythingLogsAtTrace_neverLogTheKey() {
        respondInOrder(api,
                aResponse().withStatus(503).withBody("{\"id\":\"unavailable\",\"message\":\"Try again.\"}"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"a\":1}"),
                aResponse().withStatus(422).withBody("{\"id\":\"invalid_params\",\"message\":\"Bad.\"}"));
        HerokuClientOptions options = HerokuClientOptions.builder().apiKey(KEY).baseUrl(api.baseUrl())
                .retry(RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(20))).build();
        WebClient client = new HerokuWebClientConfigurer(options).build();

        try (LogCapture logs = LogCapture.of(Level.TRACE, Logger.ROOT_LOGGER_NAME, "dev.heroku4j", "reactor.netty",
                "reactor.netty.http.client", "org.springframework", "io.netty")) {
            client.get().uri("/apps/{a}", Map.of("a", "x")).retrieve().bodyToMono(String.class).block();
            assertThatThrownBy(() -> client.post().uri("/apps").bodyValue(Map.of("name", "x"))
                    .retrieve().bodyToMono(String.class).block())
                    .isInstanceOf(HerokuApiException.class);

            assertThat(logs.events()).as("logging was really on").isNotEmpty();
            assertThat(logs.all()).contains("GET /apps/{a} -> 503").contains("GET /apps/{a} -> 200")
                    .doesNotContain(KEY).doesNotContain("leak-canary");
        }
        // the key was really sent, so the absence above means something
        assertThat(api.getAllServeEvents()).allSatisfy(e ->
                assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void wiretap_whenSomeoneEnablesIt_wouldLeakTheKey_soTheConnectorNeverEnablesIt() {
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(aResponse().withStatus(200)));
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
    }
}
