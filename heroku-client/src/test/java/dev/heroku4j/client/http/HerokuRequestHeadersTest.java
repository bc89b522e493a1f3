package dev.heroku4j.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.internal.HerokuExchangeFilter;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

/** The request headers as the engine sends them (its one per-attempt filter). */
class HerokuRequestHeadersTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void stub() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    private static WebClient client(String variant) {
        return WebClient.builder().baseUrl(api.baseUrl()).filter(new HerokuExchangeFilter(new HerokuRequestHeaders("heroku4j/test", variant),
                new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(api.baseUrl())), new RateLimitTracker()))
                .build();
    }

    private static LoggedRequest onlyRequest() {
        assertThat(api.getAllServeEvents()).hasSize(1);
        return api.getAllServeEvents().get(0).getRequest();
    }

    @Test
    void filter_whenNoAccept_setsDefaultVariant() {
        client("3").get().uri("/apps").retrieve().toBodilessEntity().block();

        assertThat(onlyRequest().getHeaders().getHeader("Accept").values())
                .containsExactly("application/vnd.heroku+json; version=3");
    }

    @Test
    void filter_whenSdkVariantRequested_keepsIt() {
        client("3").get().uri("/usage").header("Accept", "application/vnd.heroku+json; version=3.sdk")
                .retrieve().toBodilessEntity().block();

        assertThat(onlyRequest().getHeaders().getHeader("Accept").values())
                .containsExactly("application/vnd.heroku+json; version=3.sdk");
    }

    @Test
    void filter_whenPlainVersion3AndDefaultIsSdk_replacesIt() {
        client("3.sdk").get().uri("/apps").header("Accept", "application/vnd.heroku+json; version=3")
                .retrieve().toBodilessEntity().block();

        assertThat(onlyRequest().getHeaders().getHeader("Accept").values())
                .containsExactly("application/vnd.heroku+json; version=3.sdk");
    }

    @Test
    void filter_whenGeneratedCodeSentTwoAcceptValues_sendsExactlyOne() {
        client("3").get().uri("/apps").header("Accept", "application/json", "application/vnd.heroku+json; version=3")
                .retrieve().toBodilessEntity().block();

        assertThat(onlyRequest().getHeaders().getHeader("Accept").values())
                .containsExactly("application/vnd.heroku+json; version=3");
    }

    @Test
    void filter_whenCalled_setsUserAgentAndUuidRequestId() {
        client("3").get().uri("/apps").retrieve().toBodilessEntity().block();

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("User-Agent")).isEqualTo("heroku4j/test");
        assertThat(UUID.fromString(request.getHeader("Request-Id"))).isNotNull();
    }

    @Test
    void filter_whenResubscribed_sendsAFreshRequestIdEachTime() {
        var call = client("3").get().uri("/apps").retrieve().toBodilessEntity();
        call.block();
        call.block();

        List<String> ids = api.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("Request-Id")).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void defaultUserAgent_whenBuilt_carriesTheProjectVersion() {
        assertThat(ClientVersion.defaultUserAgent()).matches("heroku4j/\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void explicitVariant_whenOtherTypes_returnsNull() {
        assertThat(HerokuRequestHeaders.explicitVariant(List.of("text/plain"))).isNull();
        assertThat(HerokuRequestHeaders.explicitVariant(List.of("application/vnd.heroku+json"))).isNull();
        assertThat(HerokuRequestHeaders.explicitVariant(List.of("not a media type;;"))).isNull();
        assertThat(HerokuRequestHeaders.explicitVariant(List.of("application/vnd.heroku+json;version=3.webhooks")))
                .isEqualTo("application/vnd.heroku+json; version=3.webhooks");
    }

    @Test
    void requestId_isARandomVersion4Uuid_differentEachTime() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = HerokuRequestHeaders.requestId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }
}
