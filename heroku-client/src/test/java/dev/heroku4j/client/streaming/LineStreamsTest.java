package dev.heroku4j.client.streaming;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.testsupport.Ports;

/** Log and build-output streams, read through the clients' {@code lines(url)} on the stream host. */
class LineStreamsTest {

    @RegisterExtension
    static WireMockExtension logplex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "hrku-stream-test-key";

    // the API origin is elsewhere (nothing listens there): streams never go to it
    private final HerokuClient heroku = HerokuClient.builder().apiKey(KEY)
            .baseUrl("http://127.0.0.1:" + Ports.closedPort()).userAgent("my-app/1.2 (ops team)").build();
    private final ReactiveHerokuClient reactive = heroku.reactive();

    private static LoggedRequest onlyRequest() {
        assertThat(logplex.getAllServeEvents()).hasSize(1);
        return logplex.getAllServeEvents().get(0).getRequest();
    }

    @Test
    void lines_whenLinesSplitAcrossChunks_emitsWholeLines() {
        String body = "2026-11-28T10:00:00+00:00 app[web.1]: Started GET \"/\"\r\n"
                + "2026-11-28T10:00:01+00:00 heroku[router]: at=info method=GET path=\"/\" status=200\n"
                + "ünïcödé line\n"
                + "last line without newline";
        logplex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(body).withChunkedDribbleDelay(23, 300)));
        String url = logplex.baseUrl() + "/sessions/abc?srv=1&sig=a%2Bb";
        List<String> expected = List.of(
                "2026-11-28T10:00:00+00:00 app[web.1]: Started GET \"/\"",
                "2026-11-28T10:00:01+00:00 heroku[router]: at=info method=GET path=\"/\" status=200",
                "ünïcödé line",
                "last line without newline");

        assertThat(reactive.lines(url).collectList().block(Duration.ofSeconds(10))).containsExactlyElementsOf(expected);
        assertThat(heroku.readLines(url)).containsExactlyElementsOf(expected);
        try (Stream<String> lines = heroku.lines(url)) {
            assertThat(lines).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void lines_sendTheUserAgentButNoKey_andTheSignedUrlUnchanged() {
        logplex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("x\n")));

        reactive.lines(logplex.baseUrl() + "/sessions/abc?srv=1&sig=a%2Bb%3D").blockLast(Duration.ofSeconds(10));

        LoggedRequest request = onlyRequest();
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getAllHeaderKeys()).noneMatch(h -> request.getHeader(h).contains(KEY));
        assertThat(request.getHeader("User-Agent")).isEqualTo("my-app/1.2 (ops team)");
        assertThat(request.getUrl()).isEqualTo("/sessions/abc?srv=1&sig=a%2Bb%3D");
    }

    @Test
    void lines_whenSessionExpired_raisesHerokuApiException() {
        logplex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("Not found")));
        String url = logplex.baseUrl() + "/sessions/old";

        assertThatThrownBy(() -> reactive.lines(url).blockLast(Duration.ofSeconds(10)))
                .isInstanceOf(HerokuNotFoundException.class).hasMessageContaining("Not found");
        assertThatThrownBy(() -> heroku.readLines(url)).isInstanceOf(HerokuNotFoundException.class);
    }

    @Test
    void lines_whenNothingListens_raisesHerokuTransportException() {
        String url = "http://127.0.0.1:" + Ports.closedPort() + "/sessions/gone";

        assertThatThrownBy(() -> reactive.lines(url).blockLast(Duration.ofSeconds(10)))
                .isInstanceOf(HerokuTransportException.class);
    }

    @Test
    void lines_whenCancelled_stopsATailThatNeverEnds() {
        logplex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("one\ntwo\nthree\n" + "quiet...\n".repeat(50)).withChunkedDribbleDelay(50, 5_000)));
        String url = logplex.baseUrl() + "/sessions/tail";

        assertThat(reactive.lines(url).take(2).collectList().block(Duration.ofSeconds(10))).containsExactly("one", "two");
        try (Stream<String> lines = heroku.lines(url)) {
            assertThat(lines.limit(1)).containsExactly("one");
        }
    }

    @Test
    void blockingLines_onANonBlockingThread_areRefused() {
        assertThatThrownBy(() -> Mono.fromCallable(() -> heroku.readLines(logplex.baseUrl() + "/x"))
                .subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ReactiveHerokuClient");
        assertThat(logplex.getAllServeEvents()).isEmpty();
    }
}
