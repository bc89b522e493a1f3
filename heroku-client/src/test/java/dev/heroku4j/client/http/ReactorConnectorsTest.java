package dev.heroku4j.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

class ReactorConnectorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void connector_whenServerSlowerThanResponseTimeout_failsWithinBounds() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        WebClient client = WebClient.builder()
                .clientConnector(ReactorConnectors.connector(new HttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))))
                .build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.get().uri(api.baseUrl() + "/apps").retrieve().toBodilessEntity().block())
                .isInstanceOf(WebClientRequestException.class)
                .hasCauseInstanceOf(ReadTimeoutException.class);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isBetween(250L, 2_000L);
    }

    @Test
    void connector_whenServerWithinTimeout_succeeds() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(100).withBody("ok")));
        WebClient client = WebClient.builder().clientConnector(ReactorConnectors.connector(HttpTimeouts.DEFAULTS)).build();

        assertThat(client.get().uri(api.baseUrl() + "/apps").retrieve().bodyToMono(String.class).block()).isEqualTo("ok");
    }

    @Test
    void httpClient_whenBuilt_followsNoRedirects() {
        assertThat(ReactorConnectors.httpClient(HttpTimeouts.DEFAULTS).configuration().followRedirectPredicate()).isNull();
    }
}
