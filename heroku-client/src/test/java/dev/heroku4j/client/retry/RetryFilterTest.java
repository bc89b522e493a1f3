package dev.heroku4j.client.retry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.heroku4j.client.testsupport.Scenarios.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuRateLimitException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.http.HerokuRequestHeaders;
import dev.heroku4j.client.internal.HerokuExchangeFilter;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

class RetryFilterTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final RetrySettings FAST = RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    /** The production order: retry outside the engine's per-attempt filter (headers, key, error mapping). */
    private static WebClient client(String baseUrl, RetrySettings settings) {
        return WebClient.builder().baseUrl(baseUrl)
                .filter(new RetryFilter(settings))
                .filter(new HerokuExchangeFilter(new HerokuRequestHeaders("heroku4j/test", "3"),
                        new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(baseUrl)), new RateLimitTracker()))
                .build();
    }

    private static ResponseDefinitionBuilder status(int status, String id) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + id + "\",\"message\":\"" + id + "\"}");
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"name\":\"a\"}");
    }

    private static List<String> sentRequestIds() {
        return api.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("Request-Id")).toList();
    }

    @Test
    void get_when429ThenSuccess_retriesWithAFreshRequestId() {
        respondInOrder(api, status(429, "rate_limit"), ok());

        String body = client(api.baseUrl(), FAST).get().uri("/apps/a").retrieve().bodyToMono(String.class).block();

        assertThat(body).isEqualTo("{\"name\":\"a\"}");
        assertThat(sentRequestIds()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void post_when429ThenSuccess_replaysTheBodyIntact() {
        respondInOrder(api, status(429, "rate_limit"), ok());

        client(api.baseUrl(), FAST).post().uri("/apps").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "my-app", "region", "eu")).retrieve().toBodilessEntity().block();

        assertThat(api.getAllServeEvents()).hasSize(2)
                .allSatisfy(e -> assertThat(e.getRequest().getBodyAsString())
                        .contains("\"name\":\"my-app\"").contains("\"region\":\"eu\""));
    }

    @Test
    void get_when503Twice_retriesUntilSuccess() {
        respondInOrder(api, status(503, "unavailable"), status(503, "unavailable"), ok());

        client(api.baseUrl(), FAST).get().uri("/apps").retrieve().toBodilessEntity().block();

        assertThat(api.getAllServeEvents()).hasSize(3);
    }

    @Test
    void post_when503_doesNotRetry() {
        respondInOrder(api, status(503, "unavailable"), ok());

        assertThatThrownBy(() -> client(api.baseUrl(), FAST).post().uri("/apps").bodyValue(Map.of("name", "x"))
                .retrieve().toBodilessEntity().block())
                .isInstanceOf(HerokuApiException.class)
                .satisfies(e -> assertThat(((HerokuApiException) e).status()).isEqualTo(503));
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void patch_when502_doesNotRetry() {
        respondInOrder(api, status(502, "bad_gateway"), ok());

        assertThatThrownBy(() -> client(api.baseUrl(), FAST).patch().uri("/apps/a").bodyValue(Map.of("name", "x"))
                .retrieve().toBodilessEntity().block())
                .isInstanceOf(HerokuApiException.class);
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void get_whenAlways429_exhaustsRetriesAndRaisesRateLimitException() {
        api.stubFor(any(anyUrl()).willReturn(status(429, "rate_limit")));

        assertThatThrownBy(() -> client(api.baseUrl(), FAST.withMaxRetries(2)).get().uri("/apps")
                .retrieve().bodyToMono(String.class).block())
                .isInstanceOf(HerokuRateLimitException.class);
        assertThat(api.getAllServeEvents()).hasSize(3);
    }

    @Test
    void get_whenNotFound_doesNotRetry() {
        api.stubFor(any(anyUrl()).willReturn(status(404, "not_found")));

        assertThatThrownBy(() -> client(api.baseUrl(), FAST).get().uri("/apps/x").retrieve().bodyToMono(String.class).block())
                .isInstanceOf(HerokuApiException.class);
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void get_whenRetryAfterGiven_waitsAtLeastThatLong() {
        respondInOrder(api, status(429, "rate_limit").withHeader("Retry-After", "1"), ok());

        long start = System.nanoTime();
        client(api.baseUrl(), FAST).get().uri("/apps").retrieve().toBodilessEntity().block();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(api.getAllServeEvents()).hasSize(2);
    }

    @Test
    void get_whenRetryAfterBeyondTotalWait_givesUpAtOnce() {
        api.stubFor(any(anyUrl()).willReturn(status(429, "rate_limit").withHeader("Retry-After", "60")));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client(api.baseUrl(), FAST.withMaxTotalWait(Duration.ofSeconds(5))).get().uri("/apps")
                .retrieve().toBodilessEntity().block())
                .isInstanceOf(HerokuRateLimitException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void isRetryable_whenMethodsAndFailures_followsThePolicy() {
        assertThat(RetryFilter.isRetryable(HttpMethod.DELETE, new IllegalStateException())).isFalse();
        assertThat(RetryFilter.isRetryable(HttpMethod.PUT, new HerokuTransportException("PUT", "/x", new RuntimeException())))
                .isTrue();
        assertThat(RetryFilter.isRetryable(HttpMethod.PATCH, new HerokuTransportException("PATCH", "/x", new RuntimeException())))
                .isFalse();
        assertThat(RetryFilter.isRetryable(HttpMethod.POST,
                new HerokuTransportException("POST", "/x", new java.net.ConnectException("refused")))).isTrue();
        assertThat(RetryFilter.isRetryable(HttpMethod.GET,
                new HerokuTransportException("GET", "/x", new java.security.cert.CertificateException("untrusted")))).isFalse();
    }
}
