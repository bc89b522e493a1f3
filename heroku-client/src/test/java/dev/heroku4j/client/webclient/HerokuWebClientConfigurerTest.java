package dev.heroku4j.client.webclient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.heroku4j.client.testsupport.Scenarios.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.heroku4j.client.auth.ApiKeyNotFoundException;
import dev.heroku4j.client.auth.ApiKeyResolver;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.HerokuHeadersFilter;
import dev.heroku4j.client.http.HerokuWarningFilter;
import dev.heroku4j.client.http.PathSafetyFilter;
import dev.heroku4j.client.http.RequestLoggingFilter;
import dev.heroku4j.client.error.HerokuErrorFilter;
import dev.heroku4j.client.paging.Paging;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.ratelimit.GovernorPolicy;
import dev.heroku4j.client.ratelimit.RateLimitFilter;
import dev.heroku4j.client.ratelimit.RateLimitGovernor;
import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.retry.RetryFilter;
import dev.heroku4j.client.retry.RetrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

class HerokuWebClientConfigurerTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "01234567-89ab-cdef-0123-456789abcdef";

    record App(String id, String name, String region) {
    }

    /** Shaped like a generated PATCH model. */
    static class AppUpdate {
        public String name;
        public Boolean maintenance;
        public String buildStack;
    }

    private static HerokuClientOptions.Builder options() {
        return HerokuClientOptions.builder()
                .apiKey(KEY)
                .baseUrl(api.baseUrl())
                .retry(RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    private static LoggedRequest onlyRequest(WireMockExtension server) {
        assertThat(server.getAllServeEvents()).hasSize(1);
        return server.getAllServeEvents().get(0).getRequest();
    }

    @Test
    void build_whenGetAsGeneratedCodeDoes_sendsHerokuHeadersAndDecodesVendorJson() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.heroku+json; version=3")
                .withBody("{\"id\":\"a1\",\"name\":\"my-app\",\"region\":\"eu\",\"added_later\":1}")));
        WebClient client = new HerokuWebClientConfigurer(options().build()).build();

        App app = client.get().uri(api.baseUrl() + "/apps/{app_id_or_name}", Map.of("app_id_or_name", "my-app"))
                .accept(MediaType.valueOf("application/vnd.heroku+json; version=3"))
                .retrieve().bodyToMono(App.class).block();

        assertThat(app).isEqualTo(new App("a1", "my-app", "eu"));
        LoggedRequest request = onlyRequest(api);
        assertThat(request.getUrl()).isEqualTo("/apps/my-app");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.heroku+json; version=3");
        assertThat(request.getHeader("User-Agent")).startsWith("heroku4j/");
        assertThat(UUID.fromString(request.getHeader("Request-Id"))).isNotNull();
    }

    @Test
    void build_whenIdentityHasReservedCharacters_sendsItAsOneEncodedSegment() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        WebClient client = new HerokuWebClientConfigurer(options().build()).build();

        client.get().uri(api.baseUrl() + "/apps/{app_id_or_name}/domains/{domain}", Map.of("app_id_or_name", "a/b c",
                "domain", "www.exämple.com")).retrieve().toBodilessEntity().block();
        client.get().uri("/teams/{team}", Map.of("team", "50%/..")).retrieve().toBodilessEntity().block();

        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactlyInAnyOrder(
                "/apps/a%2Fb%20c/domains/www.ex%C3%A4mple.com", "/teams/50%25%2F..");
    }

    @Test
    void build_whenPatchWithPartlySetModel_sendsOnlySetFieldsAndMapNulls() {
        api.stubFor(patch(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        WebClient client = new HerokuWebClientConfigurer(options().build()).build();
        AppUpdate update = new AppUpdate();
        update.maintenance = true;
        Map<String, String> configVars = new LinkedHashMap<>();
        configVars.put("OLD", null);
        configVars.put("NEW", "1");

        client.patch().uri("/apps/{a}", "x").contentType(MediaType.APPLICATION_JSON).bodyValue(update)
                .retrieve().toBodilessEntity().block();
        client.patch().uri("/apps/{a}/config-vars", "x").contentType(MediaType.APPLICATION_JSON).bodyValue(configVars)
                .retrieve().toBodilessEntity().block();

        api.verify(patchRequestedFor(urlPathEqualTo("/apps/x")).withRequestBody(equalTo("{\"maintenance\":true}")));
        api.verify(patchRequestedFor(urlPathEqualTo("/apps/x/config-vars"))
                .withRequestBody(equalToJson("{\"OLD\":null,\"NEW\":\"1\"}")));
    }

    @Test
    void build_when429ThenOk_retriesFreshAndReportsRateLimit() {
        respondInOrder(api,
                aResponse().withStatus(429).withHeader("RateLimit-Remaining", "0")
                        .withBody("{\"id\":\"rate_limit\",\"message\":\"Slow down.\"}"),
                aResponse().withStatus(200).withHeader("RateLimit-Remaining", "17").withBody("[]"));
        List<Integer> seen = new CopyOnWriteArrayList<>();
        HerokuWebClientConfigurer configurer = new HerokuWebClientConfigurer(
                options().rateLimitListener(s -> seen.add(s.remaining())).build());

        configurer.build().post().uri("/apps").bodyValue(Map.of("name", "x")).retrieve().toBodilessEntity().block();

        assertThat(seen).containsExactly(0, 17);
        assertThat(configurer.rateLimitTracker().current()).map(RateLimitSnapshot::remaining).hasValue(17);
        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getHeader("Request-Id")).doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void build_whenError_raisesMappedExceptionOutOfRetrieve() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
                .withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}")));

        assertThatThrownBy(() -> new HerokuWebClientConfigurer(options().build()).build()
                .get().uri(api.baseUrl() + "/apps/{app_id_or_name}", "nope").retrieve().bodyToMono(App.class).block())
                .isInstanceOf(HerokuNotFoundException.class)
                .hasMessageStartingWith("404 not_found: Couldn't find that app. (GET /apps/{app_id_or_name}, Request-Id ");
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void build_whenRedirectToOtherHost_doesNotFollowIt() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", other.baseUrl() + "/x")));

        assertThatThrownBy(() -> new HerokuWebClientConfigurer(options().build()).build()
                .get().uri("/apps").retrieve().bodyToMono(String.class).block())
                .isInstanceOf(HerokuApiException.class)
                .satisfies(e -> assertThat(((HerokuApiException) e).status()).isEqualTo(302));
        assertThat(other.getAllServeEvents()).isEmpty();
    }

    @Test
    void build_whenUrlOnOtherHost_sendsNoKey() {
        other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("line\n")));

        new HerokuWebClientConfigurer(options().build()).build()
                .get().uri(other.baseUrl() + "/streams/build-output?sig=1").retrieve().bodyToMono(String.class).block();

        assertThat(onlyRequest(other).containsHeader("Authorization")).isFalse();
    }

    @Test
    void build_whenNoKeyAnywhere_failsBeforeSending() {
        HerokuClientOptions noKey = options().apiKeyResolver(ApiKeyResolver.builder()
                .environment(name -> null).homeDirectory(java.nio.file.Path.of("/nonexistent-home")).build()).build();

        assertThatThrownBy(() -> new HerokuWebClientConfigurer(noKey).build().get().uri("/account")
                .retrieve().bodyToMono(String.class).block())
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("HEROKU_API_KEY");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void build_whenBlankIdentity_refusesWithoutSending() {
        assertThatThrownBy(() -> new HerokuWebClientConfigurer(options().build()).build()
                .delete().uri(api.baseUrl() + "/apps/{app_id_or_name}", " ".strip()).retrieve().toBodilessEntity().block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void build_whenListPaged_worksWithPagingHelper() {
        api.stubFor(any(anyUrl()).withHeader("Range", equalTo("name ..; max=1")).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Type", "application/json").withHeader("Next-Range", "name ]a..; max=1")
                .withBody("[{\"id\":\"1\",\"name\":\"a\",\"region\":\"us\"}]")));
        api.stubFor(any(anyUrl()).withHeader("Range", equalTo("name ]a..; max=1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"id\":\"2\",\"name\":\"b\",\"region\":\"eu\"}]")));
        WebClient client = new HerokuWebClientConfigurer(options().build()).build();

        List<App> apps = Paging.<App>all(range -> client.get().uri("/apps").header("Range", range)
                .retrieve().toEntityList(App.class), Range.by("name").withMax(1)).collectList().block();

        assertThat(apps).extracting(App::name).containsExactly("a", "b");
    }

    @Test
    void build_whenServerTooSlow_retriesGetThenRaisesTransportException() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
        WebClient client = new HerokuWebClientConfigurer(options()
                .timeouts(new HttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)))
                .retry(RetrySettings.DEFAULTS.withMaxRetries(1).withBackoff(Duration.ofMillis(10), Duration.ofMillis(10)))
                .build()).build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.get().uri("/apps/{app_id_or_name}", "slow").retrieve().bodyToMono(String.class).block())
                .isInstanceOf(HerokuTransportException.class)
                .hasMessageStartingWith("GET /apps/{app_id_or_name} failed without a response: ReadTimeoutException");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(api.getAllServeEvents()).hasSize(2);
    }

    @Test
    void filters_whenGovernorEnabled_areInstalledInDocumentedOrder() {
        HerokuWebClientConfigurer configurer = new HerokuWebClientConfigurer(
                options().rateLimitGovernor(GovernorPolicy.DEFAULTS).build());

        assertThat(configurer.filters()).extracting(f -> (Class) f.getClass()).containsExactly(
                PathSafetyFilter.class, RetryFilter.class, RateLimitGovernor.class, HerokuHeadersFilter.class,
                HerokuErrorFilter.class, RequestLoggingFilter.class, RateLimitFilter.class,
                HerokuWarningFilter.class);
        assertThat(new HerokuWebClientConfigurer(options().build()).filters())
                .noneMatch(f -> f instanceof RateLimitGovernor);
    }
}
