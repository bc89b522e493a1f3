package dev.heroku4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuNotFoundException;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.reliability.support.Resources;
import dev.heroku4j.reliability.support.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * 10,000 failing calls (fast error statuses, retries off, 32 at a time) must leave no connection acquired, no growth
 * in sockets or file descriptors, and a flat heap.
 *
 * <p>Method: (1) the client's own pool, through Reactor Netty's {@code ConnectionPoolMetrics} (a {@code MeterRegistrar}
 * on a {@code ConnectionProvider} given to the client as its connector: acquired and pending must be 0 afterwards,
 * allocated = idle <= 32); (2) for the default connector (Reactor Netty's global pool, no metrics), the client-side
 * ESTABLISHED TCP connections to the stub's port in {@code /proc/net/tcp} (must not grow over the 10,000 calls and stay near 32: reused, not one per call) and the
 * open file descriptors in {@code /proc/self/fd}; (3) used heap after {@code System.gc()}, the low-water mark of 5
 * rounds, after a 1,000-call warm-up and after the 10,000 calls: the growth must stay under 32 MiB (a leak of one
 * response or buffer per call, >= 3 KiB each, would exceed it). The stub's request journal is off, so the stub
 * (same JVM) does not grow either.
 */
@Timeout(120)
class ResourceLeakTests {

    static final int CALLS = 10_000;
    static final int CONCURRENCY = 32;
    static final long HEAP_GROWTH_LIMIT = 32L * 1024 * 1024;

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal()
                    .containerThreads(64).jettyAcceptors(2))
            .build();

    private ConnectionProvider provider;

    @AfterEach
    void dispose() {
        if (provider != null) {
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void tenThousand500s_defaultConnector_noLeakedSocketsOrDescriptors_flatHeap() {
        stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"internal_server_error\",\"message\":\"boom\"}")));
        // response timeout 5 s, not the fault tests' 500 ms: a cold WireMock under 32 parallel calls can be slow
        ReactiveHerokuClient client = ReactiveHerokuClient.builder().apiKey(Secrets.KEY).baseUrl(stub.baseUrl())
                .retry(RetrySettings.disabled()).responseTimeout(Duration.ofSeconds(5)).build();

        run(client, 1_000, HerokuApiException.class); // warm-up: classes, pool, JIT, buffers
        long fdBefore = Resources.openFileDescriptors();
        int connectionsBefore = Resources.connectionsTo(stub.getPort(), false);
        long heapBefore = Resources.usedHeapAfterGc();
        long start = System.nanoTime();

        long failures = run(client, CALLS, HerokuApiException.class);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long heapAfter = Resources.usedHeapAfterGc();
        long fdAfter = Resources.openFileDescriptors();
        int connections = Resources.connectionsTo(stub.getPort(), false);
        int anyState = Resources.connectionsTo(stub.getPort(), true);
        System.out.printf("[leak] default connector: %d calls in %d ms; fds %d -> %d; client sockets to stub %d -> %d established, %d in any state;"
                + " heap %.1f -> %.1f MiB%n", CALLS, took.toMillis(), fdBefore, fdAfter, connectionsBefore, connections, anyState,
                heapBefore / 1048576.0, heapAfter / 1048576.0);

        assertThat(failures).isEqualTo(CALLS);
        // The global pool may open a few more than 32 (a release can trail the next acquire); what matters is that
        // 10,000 calls did not add sockets.
        assertThat(connections).as("established client sockets to the stub (reused, not one per call)")
                .isLessThanOrEqualTo(Math.max(connectionsBefore, CONCURRENCY) + 4);
        assertThat(anyState).as("including TIME_WAIT: not one per call").isLessThan(CONCURRENCY * 4);
        if (fdBefore >= 0) {
            assertThat(fdAfter - fdBefore).as("file descriptor growth").isLessThanOrEqualTo(CONCURRENCY);
        }
        assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_LIMIT);
    }

    @Test
    void tenThousand404s_meteredPool_endsWithNothingAcquiredOrPending() {
        stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}")));
        Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();
        provider = ConnectionProvider.builder("reliability").maxConnections(CONCURRENCY)
                .pendingAcquireMaxCount(CALLS)
                .metrics(true, () -> new ConnectionProvider.MeterRegistrar() {
                    @Override
                    public void registerMetrics(String poolName, String id, SocketAddress remote,
                                                ConnectionPoolMetrics metrics) {
                        pools.put(id + remote, metrics);
                    }
                })
                .build();
        ReactiveHerokuClient client = ReactiveHerokuClient.builder().apiKey(Secrets.KEY).baseUrl(stub.baseUrl())
                .retry(RetrySettings.disabled())
                .clientConnector(new ReactorClientHttpConnector(
                        // what ReactorConnectors.httpClient(..) builds, on the metered pool
                        HttpClient.create(provider).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                                .responseTimeout(Duration.ofSeconds(5)).followRedirect(false)))
                .build();

        long failures = run(client, CALLS, HerokuNotFoundException.class);

        assertThat(failures).isEqualTo(CALLS);
        assertThat(pools).hasSize(1);
        ConnectionPoolMetrics pool = pools.values().iterator().next();
        // The last connections go back to the pool a moment after their responses complete.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> pool.acquiredSize() == 0 && pool.pendingAcquireSize() == 0);
        System.out.printf("[leak] metered pool after %d x 404: acquired=%d pending=%d allocated=%d idle=%d%n", CALLS,
                pool.acquiredSize(), pool.pendingAcquireSize(), pool.allocatedSize(), pool.idleSize());
        assertThat(pool.acquiredSize()).as("acquired").isZero();
        assertThat(pool.pendingAcquireSize()).as("pending").isZero();
        assertThat(pool.allocatedSize()).isEqualTo(pool.idleSize()).isBetween(1, CONCURRENCY);
    }

    /** Runs {@code n} GETs, {@value #CONCURRENCY} at a time (reactive: no thread per call); returns how many failed with the expected type. */
    private static long run(ReactiveHerokuClient client, int n, Class<? extends Throwable> expected) {
        AtomicLong ok = new AtomicLong();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        Flux.range(0, n)
                .flatMap(i -> client.app().appInfo("app-" + i).then(Mono.<Boolean>empty())
                        .onErrorResume(e -> {
                            if (expected.isInstance(e)) {
                                ok.incrementAndGet();
                            } else if (unexpected.size() < 5) {
                                unexpected.add(e);
                            }
                            return Mono.empty();
                        }), CONCURRENCY)
                .blockLast(Duration.ofSeconds(90));
        assertThat(unexpected).as("unexpected failures").isEmpty();
        return ok.get();
    }
}
