package dev.heroku4j.client.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.test.StepVerifier;

class HerokuErrorFilterTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private WebClient client() {
        return WebClient.builder().baseUrl(api.baseUrl()).filter(new HerokuErrorFilter()).build();
    }

    private void stubError(int status, String body) {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req-123")
                .withHeader("RateLimit-Remaining", "4321")
                .withBody(body)));
    }

    @ParameterizedTest
    @CsvSource({
            "401, unauthorized,   HerokuUnauthorizedException",
            "403, forbidden,      HerokuForbiddenException",
            "403, two_factor,     HerokuTwoFactorRequiredException",
            "404, not_found,      HerokuNotFoundException",
            "409, conflict,       HerokuConflictException",
            "422, invalid_params, HerokuInvalidParamsException",
            "429, rate_limit,     HerokuRateLimitException",
            "400, bad_request,    HerokuApiException",
            "503, unavailable,    HerokuApiException"})
    void retrieve_whenHerokuErrorId_raisesItsSubclass(int status, String id, String exceptionClass) {
        stubError(status, "{\"id\":\"" + id + "\",\"message\":\"Something about " + id
                + ".\",\"url\":\"https://devcenter.heroku.com/articles/platform-api-reference#" + id + "\"}");

        StepVerifier.create(client().get().uri("/apps/{app}", Map.of("app", "my-app")).retrieve().bodyToMono(String.class))
                .expectErrorSatisfies(e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(exceptionClass);
                    HerokuApiException api = (HerokuApiException) e;
                    assertThat(api.status()).isEqualTo(status);
                    assertThat(api.id()).isEqualTo(id);
                    assertThat(api.herokuMessage()).isEqualTo("Something about " + id + ".");
                    assertThat(api.url()).endsWith("#" + id);
                    assertThat(api.requestId()).isEqualTo("req-123");
                    assertThat(api.rateLimitRemaining()).isEqualTo(4321);
                    assertThat(api.error().method()).isEqualTo("GET");
                    assertThat(api.error().pathTemplate()).isEqualTo("/apps/{app}");
                    assertThat(api.getMessage()).isEqualTo(status + " " + id + ": Something about " + id
                            + ". (GET /apps/{app}, Request-Id req-123, RateLimit-Remaining 4321)");
                })
                .verify();
    }

    @Test
    void retrieve_whenTwoFactor_isAlsoAForbidden() {
        stubError(403, "{\"id\":\"two_factor\",\"message\":\"A second factor is required.\"}");

        assertThatThrownBy(() -> client().delete().uri("/apps/x").retrieve().toBodilessEntity().block())
                .isInstanceOf(HerokuForbiddenException.class)
                .isInstanceOf(HerokuTwoFactorRequiredException.class);
    }

    @Test
    void retrieve_whenUnknownIdButKnownStatus_mapsByStatus() {
        stubError(404, "{\"id\":\"no_such_thing\",\"message\":\"Gone.\"}");

        assertThatThrownBy(() -> client().get().uri("/x").retrieve().bodyToMono(String.class).block())
                .isInstanceOf(HerokuNotFoundException.class);
    }

    @Test
    void retrieve_whenHtmlBody_givesStatusAndExcerpt() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(1000)
                        + "</body></html>")));

        assertThatThrownBy(() -> client().get().uri("/apps").retrieve().bodyToMono(String.class).block())
                .isExactlyInstanceOf(HerokuApiException.class)
                .hasMessageStartingWith("502: non-JSON body: <html> <head><title>502 Bad Gateway</title></head>")
                .satisfies(e -> {
                    HerokuApiException api = (HerokuApiException) e;
                    assertThat(api.id()).isNull();
                    assertThat(api.error().bodyExcerpt()).hasSize(HerokuErrorFilter.EXCERPT_LENGTH + 1);
                });
    }

    @Test
    void retrieve_whenEmptyBody_saysSo() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> client().post().uri("/apps").retrieve().bodyToMono(String.class).block())
                .isExactlyInstanceOf(HerokuApiException.class)
                .hasMessage("500: empty body (POST /apps)");
    }

    @Test
    void retrieve_whenJsonWithoutIdOrMessage_keepsExcerpt() {
        stubError(500, "{\"error\":\"boom\"}");

        assertThatThrownBy(() -> client().get().uri("/apps").retrieve().bodyToMono(String.class).block())
                .hasMessageContaining("non-JSON body: {\"error\":\"boom\"}");
    }

    @Test
    void toEntity_whenErrorRaisedByFilter_propagatesUnchangedNotAsWebClientResponseException() {
        stubError(404, "{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}");

        StepVerifier.create(client().get().uri("/apps/{a}", "x").retrieve().toEntity(String.class))
                .expectError(HerokuNotFoundException.class)
                .verify();
        StepVerifier.create(client().get().uri("/apps/{a}", "x").retrieve().bodyToFlux(String.class))
                .expectError(HerokuNotFoundException.class)
                .verify();
    }

    @Test
    void retrieve_whenConnectionRefused_raisesTransportExceptionNamingTheRequest() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port).filter(new HerokuErrorFilter()).build();

        assertThatThrownBy(() -> client.get().uri("/apps/{app}", "x").retrieve().bodyToMono(String.class).block())
                .isInstanceOf(HerokuTransportException.class)
                .hasCauseInstanceOf(WebClientRequestException.class)
                .hasMessageStartingWith("GET /apps/{app} failed without a response: ")
                .hasMessageContaining("Connection refused");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void retrieve_whenConnectionDropped_raisesTransportException(Fault fault) {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));

        assertThatThrownBy(() -> client().get().uri("/apps/{app}", "x").retrieve().bodyToMono(String.class).block())
                .isInstanceOf(HerokuTransportException.class)
                .hasMessageStartingWith("GET /apps/{app} failed without a response: ");
    }

    @Test
    void retryAfter_whenSecondsOrDate_parses() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(HerokuErrorFilter.retryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(HerokuErrorFilter.retryAfter("Sat, 28 Nov 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HerokuErrorFilter.retryAfter("soon", now)).isNull();
    }
}
