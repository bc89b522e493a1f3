package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.streaming.LogTail;
import dev.heroku4j.client.streaming.StreamOptions;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.reliability.support.RawServer;
import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/**
 * Log tails across log sessions: when Heroku ends a session's stream, or refuses its expired URL, a new session is
 * made and the tail goes on; lines a new session replays from its history are dropped, so each line comes once.
 */
@Timeout(60)
class LogTailTests {

    static final StreamOptions QUICK = StreamOptions.defaults().pauses(Duration.ofMillis(10), Duration.ofMillis(50));

    @Test
    void follow_acrossSessionsThatEndAndExpire_givesEachLineOnceInOrder() {
        // session 1 ends after three lines; session 2 replays two of them as history; session 3 has expired (404)
        Map<String, String> bodies = Map.of("/s1", "A\nB\nC\n", "/s2", "B\nC\nD\nE\n", "/s4", "E\nF\n");
        try (RawServer server = new RawServer((head, out, socket) -> {
            String path = head.split(" ")[1];
            String body = bodies.get(path);
            RawServer.write(out, body == null
                    ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n" + body);
        })) {
            HerokuClient heroku = Clients.fast("http://127.0.0.1:" + Clients.closedPort());
            AtomicInteger sessions = new AtomicInteger();
            List<Integer> history = new java.util.concurrent.CopyOnWriteArrayList<>();

            List<String> lines = LogTail.follow(asked -> {
                history.add(asked);
                return Mono.just(server.baseUrl() + "/s" + sessions.incrementAndGet());
            }, url -> heroku.reactive().lines(url, QUICK), QUICK).take(6).collectList().block(Clients.BOUND);

            assertThat(lines).containsExactly("A", "B", "C", "D", "E", "F");
            assertThat(history).containsExactly(-1, LogTail.HISTORY, LogTail.HISTORY, LogTail.HISTORY);
        }
    }

    @Test
    void logTail_againstTheSimulator_makesANewSessionWhenOneEnds_onBothClients() throws Exception {
        // The simulator ends a quiet tail after 300 ms; a line is logged every 600 ms, so each comes in a new session,
        // whose history replays the earlier ones: the tail must drop them and give each line once, in order.
        try (HerokuSimulator sim = HerokuSimulator.builder().tailIdleTimeout(Duration.ofMillis(300)).start()) {
            HerokuClient heroku = Clients.patient(sim.baseUrl());
            ReactiveHerokuClient reactive = heroku.reactive();
            heroku.app().appCreate(new AppCreateOpts().name("tail-app"));
            var app = sim.state().findApp("tail-app").orElseThrow();
            java.util.concurrent.ScheduledExecutorService logger = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            AtomicInteger logged = new AtomicInteger();
            logger.scheduleAtFixedRate(() -> sim.state().log(app, "app[web.1]", "tail line " + logged.incrementAndGet()),
                    0, 600, java.util.concurrent.TimeUnit.MILLISECONDS);
            try {
                List<String> lines = reactive.logTail("tail-app", new LogSessionCreateOpts().lines(10))
                        .filter(line -> line.contains("tail line "))
                        .takeUntil(line -> line.endsWith("tail line 4"))
                        .collectList().block(Clients.BOUND);
                assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line).contains("tail line "));
                assertThat(lines.get(3)).endsWith("tail line 4");
                assertThat(lines).doesNotHaveDuplicates();
                int afterReactive = sim.journal().count("POST", "/apps/tail-app/log-sessions");
                assertThat(afterReactive).as("a new session per ended tail").isGreaterThanOrEqualTo(3);

                List<String> blocking;
                try (java.util.stream.Stream<String> tail = heroku.logTail("tail-app", new LogSessionCreateOpts())) {
                    blocking = tail.filter(line -> line.contains("tail line ")).limit(7).toList();
                }
                // the first session's history holds every line so far; the ones after it come from new sessions
                assertThat(blocking).hasSize(7).doesNotHaveDuplicates();
                assertThat(sim.journal().count("POST", "/apps/tail-app/log-sessions")).isGreaterThan(afterReactive + 1);
                assertThat(sim.journal().entries("POST", "/apps/tail-app/log-sessions"))
                        .allSatisfy(e -> assertThat(e.body()).contains("\"tail\":true"));
            }
            finally {
                logger.shutdownNow();
            }
        }
    }
}
