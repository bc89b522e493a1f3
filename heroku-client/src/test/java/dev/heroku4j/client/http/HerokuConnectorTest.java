package dev.heroku4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.error.TransportOutcome;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.RawHttpServer;

/** What heroku4j's own connector does on the wire: idle connections, gzip, long response headers. */
class HerokuConnectorTest {

    private static final String APP = "{\"name\":\"example\"}";

    // the rate-limit throttle off: these tests count the requests and connections of the calls themselves (the
    // throttle's probe at a client's first call is ThrottleFilterTest's)
    private static HerokuClient client(String baseUrl, Duration idle) {
        return HerokuClient.builder().apiKey("k").baseUrl(baseUrl).idleTimeout(idle)
                .retry(RetrySettings.disabled()).rateLimitThrottle(false).build();
    }

    /**
     * The server closes a kept-alive connection once it has been idle for 500 ms; the worst case of that race (its
     * timer fires as the request arrives) is a request read and then dropped, which is what this server does. With
     * an idle timeout below the server's no request goes out on such a connection.
     */
    private static int failedPosts(Duration clientIdle) throws Exception {
        try (RawHttpServer server = new RawHttpServer(r -> r.idleMillis() > 500 ? null : RawHttpServer.json(201, APP, Map.of()))) {
            HerokuClient heroku = client(server.baseUrl(), clientIdle);
            int failed = 0;
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    Thread.sleep(700);
                }
                try {
                    heroku.app().appCreate(new AppCreateOpts().name("app-" + i));
                } catch (HerokuTransportException e) {
                    assertThat(e.outcome()).isEqualTo(TransportOutcome.UNKNOWN);
                    failed++;
                }
            }
            return failed;
        }
    }

    @Test
    void postsSpacedBeyondTheServersKeepAlive_neverGoOutOnAConnectionItIsClosing() throws Exception {
        assertThat(failedPosts(Duration.ofMillis(200))).isZero();
    }

    @Test
    void withoutIdleEviction_theSameServerLosesThePosts() throws Exception {
        // what the default pool did before: the test above would fail this way
        assertThat(failedPosts(Duration.ofMinutes(10))).isPositive();
    }

    @Test
    void theDefaultIdleTimeout_isBelowCommonServerKeepAlives() {
        assertThat(HttpTimeouts.DEFAULTS.idle()).isLessThan(Duration.ofSeconds(5));
        assertThat(ReactorConnectors.httpClient(HttpTimeouts.DEFAULTS).configuration().connectionProvider().maxConnections())
                .isEqualTo(ReactorConnectors.MAX_CONNECTIONS);
    }

    /**
     * 200 calls at once all reach the server at once: none waits in the pool for a connection (a pool of 50, as
     * before, held 150 back, so the server, which answers only once it holds all 200, answered 500 after 10 s).
     */
    @Test
    void manyCallsAtOnce_eachGetsItsOwnConnection() throws Exception {
        int calls = 200;
        CountDownLatch arrived = new CountDownLatch(calls);
        try (RawHttpServer server = new RawHttpServer(r -> {
            arrived.countDown();
            try {
                return arrived.await(10, TimeUnit.SECONDS) ? RawHttpServer.json(200, APP, Map.of())
                        : RawHttpServer.json(500, "{\"id\":\"held_back\",\"message\":\"not all calls arrived\"}", Map.of());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })) {
            ReactiveHerokuClient heroku = ReactiveHerokuClient.builder().apiKey("k").baseUrl(server.baseUrl())
                    .retry(RetrySettings.disabled()).rateLimitThrottle(false).build();
            List<String> names = Flux.range(0, calls)
                    .flatMap(i -> heroku.app().appInfo("example").map(App::getName), calls)
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(names).hasSize(calls).containsOnly("example");
            assertThat(server.received()).hasSize(calls);
        }
    }

    @Test
    void gzip_isAskedFor_andDecoded() throws Exception {
        try (RawHttpServer server = new RawHttpServer(r -> {
            String accepted = r.header("Accept-Encoding");
            if (accepted == null || !accepted.contains("gzip")) {
                return RawHttpServer.json(406, "{\"id\":\"no_gzip\",\"message\":\"gzip expected\"}", Map.of());
            }
            return RawHttpServer.response(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                    gzip(APP));
        })) {
            App app = client(server.baseUrl(), HttpTimeouts.DEFAULT_IDLE).app().appInfo("example");

            assertThat(app.getName()).isEqualTo("example");
            assertThat(server.received().get(0).header("Accept-Encoding")).contains("gzip");
        }
    }

    @Test
    void aTenKilobyteNextRange_isFollowed() throws Exception {
        String longRange = "name ]" + "a".repeat(10 * 1024) + "..; max=1";
        try (RawHttpServer server = new RawHttpServer(r -> longRange.equals(r.header("Range"))
                ? RawHttpServer.json(200, "[{\"name\":\"second\"}]", Map.of())
                : RawHttpServer.json(206, "[" + APP + "]", Map.of("Next-Range", longRange)))) {
            List<App> apps = client(server.baseUrl(), HttpTimeouts.DEFAULT_IDLE).app().appList().toList();

            assertThat(apps).extracting(App::getName).containsExactly("example", "second");
            assertThat(server.received()).hasSize(2);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
