package dev.heroku4j.client.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.http.HerokuRequestHeaders;
import dev.heroku4j.client.internal.HerokuExchangeFilter;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/** {@link BearerAuth} as the engine's per-attempt filter applies it, against two WireMock servers (the API and another origin). */
class BearerAuthTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private WebClient client() {
        return client(new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(api.baseUrl())));
    }

    private static WebClient client(BearerAuth auth) {
        return WebClient.builder().filter(new HerokuExchangeFilter(new HerokuRequestHeaders("heroku4j/test", "3"), auth,
                new RateLimitTracker())).build();
    }

    @Test
    void filter_whenApiOrigin_sendsBearerKey() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client().get().uri(api.baseUrl() + "/account").retrieve().toBodilessEntity().block();

        api.verify(getRequestedFor(urlPathEqualTo("/account")).withHeader("Authorization", equalTo("Bearer the-key")));
    }

    @Test
    void filter_whenOtherPortOnSameHost_sendsNoKey() {
        other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("log line\n")));

        client().get().uri(other.baseUrl() + "/logs?srv=1").retrieve().bodyToMono(String.class).block();

        other.verify(getRequestedFor(urlPathEqualTo("/logs")).withoutHeader("Authorization"));
    }

    @Test
    void filter_whenOtherOriginHasAuthorizationSetByCaller_removesIt() {
        other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client().get().uri(other.baseUrl() + "/upload").header(HttpHeaders.AUTHORIZATION, "Bearer leaked")
                .retrieve().toBodilessEntity().block();

        other.verify(getRequestedFor(urlPathEqualTo("/upload")).withoutHeader("Authorization"));
    }

    @Test
    void filter_whenApiRequestHasItsOwnAuthorization_keepsIt() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client().get().uri(api.baseUrl() + "/account").header(HttpHeaders.AUTHORIZATION, "Bearer per-call")
                .retrieve().toBodilessEntity().block();

        api.verify(getRequestedFor(urlPathEqualTo("/account")).withHeader("Authorization", equalTo("Bearer per-call")));
    }

    @Test
    void filter_whenApiOrigin_sendsTheKeyButKeepsItOutOfTheRequestHeadersSpringHoldsOn() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        List<HttpHeaders> seenInside = new CopyOnWriteArrayList<>();
        WebClient client = WebClient.builder()
                .filter(new HerokuExchangeFilter(new HerokuRequestHeaders("heroku4j/test", "3"),
                        new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(api.baseUrl())), new RateLimitTracker()))
                .filter((request, next) -> { // where Spring's exchange (and its exceptions) takes the headers from
                    seenInside.add(request.headers());
                    return next.exchange(request);
                })
                .build();

        client.get().uri(api.baseUrl() + "/account").retrieve().toBodilessEntity().block();

        api.verify(getRequestedFor(urlPathEqualTo("/account")).withHeader("Authorization", equalTo("Bearer the-key")));
        assertThat(seenInside).singleElement().satisfies(headers -> {
            assertThat(headers.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
            assertThat(headers.getFirst("Request-Id")).isNotBlank();
        });
    }

    @Test
    void filter_whenRedirectToOtherHost_isNotFollowedAndManualFollowSendsNoKey() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.baseUrl() + "/elsewhere")));
        other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        // the engine treats a 3xx as an error (the generated client has no use for a redirect)
        assertThatThrownBy(() -> client().get().uri(api.baseUrl() + "/apps").retrieve().toBodilessEntity().block())
                .isInstanceOfSatisfying(HerokuApiException.class, e -> assertThat(e.status()).isEqualTo(302));
        assertThat(other.getAllServeEvents()).isEmpty(); // the connector did not follow the redirect
        URI location = URI.create(other.baseUrl() + "/elsewhere"); // where the 302 pointed
        client().get().uri(location).retrieve().toBodilessEntity().block();
        other.verify(getRequestedFor(urlPathEqualTo("/elsewhere")).withoutHeader("Authorization"));
    }

    @Test
    void filter_whenKeyMissing_failsAndSendsNothing() {
        BearerAuth auth = new BearerAuth(() -> {
            throw new ApiKeyNotFoundException("No Heroku API key found", null);
        }, URI.create(api.baseUrl()));

        StepVerifier.create(client(auth).get().uri(api.baseUrl() + "/apps")
                        .retrieve().bodyToMono(String.class))
                .expectError(ApiKeyNotFoundException.class)
                .verify();
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void sameOrigin_whenDefaultPortImplicit_matches() {
        assertThat(BearerAuth.sameOrigin(URI.create("https://API.heroku.com/apps"),
                URI.create("https://api.heroku.com:443"))).isTrue();
        assertThat(BearerAuth.sameOrigin(URI.create("http://api.heroku.com/apps"),
                URI.create("https://api.heroku.com"))).isFalse();
        assertThat(BearerAuth.sameOrigin(URI.create("https://api.heroku.com.evil.example/apps"),
                URI.create("https://api.heroku.com"))).isFalse();
    }
}
