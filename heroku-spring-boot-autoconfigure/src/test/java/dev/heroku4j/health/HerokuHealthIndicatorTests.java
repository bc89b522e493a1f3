package dev.heroku4j.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.retry.RetrySettings;

class HerokuHealthIndicatorTests {

    private static final String KEY = "hrku-INDICATOR-5e5e";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    @Test
    void health_whenForbidden_isDownWithErrorIdAndNoKey() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(403)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"id\": \"forbidden\", \"message\": \"You do not have access.\"}")));
        Health health = health(client(api.baseUrl()), Duration.ofSeconds(2));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "forbidden").containsEntry("status", 403);
        assertThat(health.toString()).doesNotContain(KEY);
    }

    @Test
    void health_whenErrorBodyIsNotHerokuJson_isDownWithStatus() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits"))
            .willReturn(aResponse().withStatus(500).withBody("<html>oops</html>")));
        Health health = health(client(api.baseUrl()), Duration.ofSeconds(2));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "http_500").containsEntry("status", 500);
    }

    @Test
    void health_whenNothingListens_isDownWithConnectionFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Health health = health(client("http://127.0.0.1:" + port), Duration.ofSeconds(5));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "connection_failed")
            .containsEntry("baseUrl", "http://127.0.0.1:" + port);
        assertThat(health.toString()).doesNotContain(KEY);
    }

    /** With the client's default retries, whose backoff outlasts the limit: still reported as what it is. */
    @Test
    void health_whenRefused_withDefaultRetries_isConnectionFailedNotTimeout() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ReactiveHerokuClient retrying = ReactiveHerokuClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + port)
            .retry(RetrySettings.DEFAULTS.withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)))
            .build();
        Health health = health(retrying, Duration.ofSeconds(2));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "connection_failed").containsEntry("outcome", "NOT_SENT");
    }

    @Test
    void health_whenSlowerThanTheLimit_isTimeout() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"remaining\": 10}")
            .withFixedDelay(3_000)));
        Health health = health(ReactiveHerokuClient.builder().apiKey(KEY).baseUrl(api.baseUrl()).build(),
                Duration.ofMillis(500));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "timeout");
    }

    @Test
    void health_whenBaseUrlHasUserInfo_hidesIt() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"remaining\": 10}")));
        String url = api.baseUrl().replace("http://", "http://user:secret@");
        Health health = health(client(url), Duration.ofSeconds(2));
        assertThat(health.getDetails().get("baseUrl")).isEqualTo(api.baseUrl());
    }

    private static ReactiveHerokuClient client(String baseUrl) {
        return ReactiveHerokuClient.builder().apiKey(KEY).baseUrl(baseUrl).retry(RetrySettings.disabled()).build();
    }

    private static Health health(ReactiveHerokuClient client, Duration timeout) {
        return new HerokuHealthIndicator(client, timeout).health(true).block(Duration.ofSeconds(10));
    }

}
