package dev.heroku4j.client.streaming;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.heroku4j.client.error.HerokuNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LineStreamsTest {

    @RegisterExtension
    static WireMockExtension logplex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void lines_whenLinesSplitAcrossChunks_emitsWholeLines() {
        String body = "2026-11-28T10:00:00+00:00 app[web.1]: Started GET \"/\"\r\n"
                + "2026-11-28T10:00:01+00:00 heroku[router]: at=info method=GET path=\"/\" status=200\n"
                + "ünïcödé line\n"
                + "last line without newline";
        logplex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(body).withChunkedDribbleDelay(23, 300)));

        List<String> lines = new LineStreams().lines(logplex.baseUrl() + "/sessions/abc?srv=1&sig=a%2Bb").collectList().block();

        assertThat(lines).containsExactly(
                "2026-11-28T10:00:00+00:00 app[web.1]: Started GET \"/\"",
                "2026-11-28T10:00:01+00:00 heroku[router]: at=info method=GET path=\"/\" status=200",
                "ünïcödé line",
                "last line without newline");
    }

    @Test
    void lines_whenCalled_sendsNoAuthorizationAndTheSignedUrlUnchanged() {
        logplex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("x\n")));

        new LineStreams().lines(logplex.baseUrl() + "/sessions/abc?srv=1&sig=a%2Bb%3D").blockLast();

        LoggedRequest request = logplex.getAllServeEvents().get(0).getRequest();
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getUrl()).isEqualTo("/sessions/abc?srv=1&sig=a%2Bb%3D");
    }

    @Test
    void lines_whenSessionExpired_raisesHerokuApiException() {
        logplex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("Not found")));

        assertThatThrownBy(() -> new LineStreams().lines(logplex.baseUrl() + "/sessions/old").blockLast())
                .isInstanceOf(HerokuNotFoundException.class)
                .hasMessageContaining("Not found");
    }
}
