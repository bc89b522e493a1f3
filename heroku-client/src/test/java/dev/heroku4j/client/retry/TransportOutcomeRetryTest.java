package dev.heroku4j.client.retry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.heroku4j.client.error.HerokuErrorFilter;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.error.TransportOutcome;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.testsupport.Ports;
import dev.heroku4j.client.testsupport.RawHttpServer;

/**
 * Failures without a response, classified by what was sent, and retried accordingly; attempts are counted between
 * the retry filter and the error filter, as in the engine.
 */
class TransportOutcomeRetryTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()).build();

    private static final RetrySettings FAST = RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    private final AtomicInteger attempts = new AtomicInteger();

    private WebClient client(String baseUrl, ClientHttpConnector connector, RetrySettings settings) {
        return WebClient.builder().baseUrl(baseUrl).clientConnector(connector)
                .filter(new RetryFilter(settings))
                .filter((request, next) -> {
                    attempts.incrementAndGet();
                    return next.exchange(request);
                })
                .filter(new HerokuErrorFilter())
                .build();
    }

    private WebClient client(String baseUrl) {
        return client(baseUrl, ReactorConnectors.connector(HttpTimeouts.DEFAULTS), FAST);
    }

    private static String http() {
        return "http://127.0.0.1:" + api.getPort();
    }

    private static void assertOutcome(Runnable call, TransportOutcome expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HerokuTransportException.class,
                e -> assertThat(e.outcome()).isEqualTo(expected));
    }

    @Test
    void connectionRefused_isNotSent_andRetriedForEveryMethod_postIncluded() {
        WebClient client = client("http://127.0.0.1:" + Ports.closedPort());

        assertOutcome(() -> client.post().uri("/apps").bodyValue(Map.of("name", "x")).retrieve().toBodilessEntity().block(),
                TransportOutcome.NOT_SENT);
        assertThat(attempts).hasValue(4);

        attempts.set(0);
        assertOutcome(() -> client.patch().uri("/apps/a").retrieve().toBodilessEntity().block(), TransportOutcome.NOT_SENT);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void tlsHandshakeRefused_isNotSent_andRetriedForPost() throws IOException {
        try (ServerSocket closer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (true) {
                    try (Socket s = closer.accept()) {
                        // closed before the handshake completes
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();

            WebClient client = client("https://127.0.0.1:" + closer.getLocalPort());
            assertOutcome(() -> client.post().uri("/apps").retrieve().toBodilessEntity().block(), TransportOutcome.NOT_SENT);
            assertThat(attempts).hasValue(4);
        }
    }

    @Test
    void untrustedCertificate_isPermanent_andNeverRetried() {
        // WireMock's self-signed certificate: PKIX path building fails
        WebClient client = client("https://127.0.0.1:" + api.getRuntimeInfo().getHttpsPort());

        assertOutcome(() -> client.get().uri("/apps").retrieve().toBodilessEntity().block(), TransportOutcome.PERMANENT);
        assertThat(attempts).hasValue(1);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void invalidHeaderValue_isPermanent_andNeverRetried() {
        WebClient client = client(http());

        assertOutcome(() -> client.get().uri("/apps").header("X-Key", "abc\r\nX-Injected: 1").retrieve()
                .toBodilessEntity().block(), TransportOutcome.PERMANENT);
        assertThat(attempts).hasValue(1);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void sentButUnanswered_isUnknown_retriedForGetOnly() throws IOException {
        try (RawHttpServer dropping = new RawHttpServer(request -> null)) {
            WebClient client = client(dropping.baseUrl());

            assertOutcome(() -> client.post().uri("/apps").bodyValue(Map.of("name", "x")).retrieve().toBodilessEntity()
                    .block(), TransportOutcome.UNKNOWN);
            assertThat(attempts).hasValue(1);

            attempts.set(0);
            assertOutcome(() -> client.get().uri("/apps").retrieve().toBodilessEntity().block(), TransportOutcome.UNKNOWN);
            assertThat(attempts).hasValue(4);
        }
    }

    @Test
    void poolPendingAcquireLimit_isNotSent_soEveryPostIsRetriedAndArrivesOnce() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withFixedDelay(300)));
        ConnectionProvider tiny = ConnectionProvider.builder("tiny").maxConnections(1).pendingAcquireMaxCount(1).build();
        try {
            // one connection, one waiting: of three concurrent POSTs the pool refuses one, until the backoff lets it in
            WebClient client = client(http(), new ReactorClientHttpConnector(HttpClient.create(tiny)),
                    RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)).withJitter(0));

            List<Integer> statuses = Flux.range(0, 3)
                    .flatMap(i -> client.post().uri("/apps").bodyValue(Map.of("name", "app-" + i)).retrieve()
                            .toBodilessEntity().map(e -> e.getStatusCode().value()))
                    .collectList().block(Duration.ofSeconds(20));

            assertThat(statuses).containsExactly(201, 201, 201);
            assertThat(attempts.get()).isGreaterThan(3); // the one refused by the pool went again
            assertThat(api.getAllServeEvents()).hasSize(3);
        } finally {
            tiny.disposeLater().block();
        }
    }

    @Test
    void classification_readsTheWholeCauseChain() {
        assertThat(TransportOutcome.of(new RuntimeException(new java.net.ConnectException("refused"))))
                .isEqualTo(TransportOutcome.NOT_SENT);
        assertThat(TransportOutcome.of(new RuntimeException(new IOException("Connection reset by peer"))))
                .isEqualTo(TransportOutcome.UNKNOWN);
        RuntimeException closed = new RuntimeException("closed");
        closed.addSuppressed(new javax.net.ssl.SSLHandshakeException("closed during handshake"));
        assertThat(TransportOutcome.of(closed)).isEqualTo(TransportOutcome.NOT_SENT);
        RuntimeException pkix = new RuntimeException(new javax.net.ssl.SSLHandshakeException("PKIX"));
        pkix.getCause().initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
        assertThat(TransportOutcome.of(pkix)).isEqualTo(TransportOutcome.PERMANENT);
    }
}
