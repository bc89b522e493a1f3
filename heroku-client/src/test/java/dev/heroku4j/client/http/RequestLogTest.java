package dev.heroku4j.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.internal.HerokuExchangeFilter;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

/** The request log as the engine writes it (its one per-attempt filter). */
class RequestLogTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static HerokuExchangeFilter engineFilter() {
        return new HerokuExchangeFilter(new HerokuRequestHeaders("ua", "3"),
                new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(api.baseUrl())), new RateLimitTracker());
    }

    @Test
    void filter_whenDebug_logsOneLineWithTemplateStatusDurationAndRequestId() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        WebClient client = WebClient.builder().baseUrl(api.baseUrl())
                .filter(new HerokuExchangeFilter(new HerokuRequestHeaders("ua", "3", () -> "rid-1"),
                        new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(api.baseUrl())), new RateLimitTracker()))
                .build();

        try (LogCapture logs = LogCapture.of(Level.TRACE, RequestLog.class)) {
            assertThatThrownBy(() -> client.get().uri("/apps/{app}/config-vars?secret={s}",
                            Map.of("app", "my-secret-app", "s", "q"))
                    .header("Authorization", "Bearer key-123").retrieve().toBodilessEntity().block())
                    .isInstanceOf(HerokuNotFoundException.class); // logged with its status before it became this

            assertThat(logs.messages()).singleElement().asString()
                    .matches("GET /apps/\\{app}/config-vars -> 404 in \\d+ ms \\(Request-Id rid-1\\)");
            assertThat(logs.all()).doesNotContain("my-secret-app", "key-123", "Bearer");
        }
    }

    @Test
    void filter_whenInfo_logsNothing() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        WebClient client = WebClient.builder().baseUrl(api.baseUrl()).filter(engineFilter()).build();

        try (LogCapture logs = LogCapture.of(Level.INFO, RequestLog.class)) {
            client.get().uri("/apps").retrieve().toBodilessEntity().block();

            assertThat(logs.events()).isEmpty();
        }
    }
}
