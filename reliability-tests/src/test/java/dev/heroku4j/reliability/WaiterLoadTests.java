package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.reliability.support.Secrets;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.state.Timings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * 100 waiters at once against a simulator whose budget is 600 requests, never refilled: each polls a release whose
 * release phase runs {@link #PHASE} on the simulator's timeline, from 200 ms apart. Unchecked, 100 waiters polling
 * every 0.2 to 1 s would spend the 600 in a few seconds and meet 429s; within the shared poll budget (half the
 * remaining quota a minute) they hold back, and all finish once the releases succeed, none seeing a 429, the
 * simulator never answering one.
 */
@Timeout(180)
class WaiterLoadTests {

    static final int WAITERS = 100;
    static final int BUDGET = 600;
    static final Duration PHASE = Duration.ofSeconds(8);

    @Test
    void hundredWaitersAtOnce_withinABudgetOf600_allSucceed_andNo429ReachesAnyone() {
        try (HerokuSimulator sim = HerokuSimulator.builder().rateLimit(BUDGET)
                .timings(Timings.DEFAULT.withReleasePhase(PHASE)).start()) {
            ReactiveHerokuClient heroku = ReactiveHerokuClient.builder().apiKey(Secrets.KEY).baseUrl(sim.baseUrl())
                    .retry(Clients.FAST_RETRY).build();
            List<String> releases = new ArrayList<>();
            ObjectNode app = sim.state().createApp("load-waiters", "us", "heroku-24");
            for (int i = 0; i < WAITERS; i++) { // the simulator's own releases, each pending while its phase runs
                releases.add(sim.state().createRelease(app, "pending " + i, null).get("id").asString());
            }
            AtomicInteger pendingSeen = new AtomicInteger();
            AtomicInteger lowest = new AtomicInteger(BUDGET);
            heroku.rateLimitTracker().onRemaining(r -> lowest.accumulateAndGet(r, Math::min));
            WaitOptions options = WaitOptions.defaults().interval(Duration.ofMillis(200), Duration.ofSeconds(1))
                    .deadline(Duration.ofMinutes(2))
                    .onPoll(p -> {
                        if ("pending".equals(p.state())) {
                            pendingSeen.incrementAndGet();
                        }
                    });
            Map<String, Object> outcomes = new ConcurrentHashMap<>();

            Flux.fromIterable(releases)
                    .flatMap(id -> heroku.release().releaseWait("load-waiters", id, options)
                            .doOnNext(outcome -> outcomes.put(id, outcome))
                            .onErrorResume(e -> {
                                outcomes.put(id, e);
                                return Mono.empty();
                            }), WAITERS)
                    .then().block(Duration.ofMinutes(3));

            assertThat(outcomes).hasSize(WAITERS);
            assertThat(outcomes.values()).allSatisfy(o -> assertThat(o).isInstanceOf(WaitOutcome.Succeeded.class));
            assertThat(outcomes.values()).extracting(o -> ((WaitOutcome<Release>) o).state()).containsOnly("succeeded");
            assertThat(pendingSeen.get()).as("polls that saw a release pending").isGreaterThanOrEqualTo(WAITERS);
            assertThat(sim.journal().entries(e -> e.status() == 429)).isEmpty();
            assertThat(lowest.get()).as("lowest RateLimit-Remaining seen").isGreaterThan(BUDGET / 3);
            int polls = sim.journal().count("GET", "/apps/load-waiters/releases/*");
            System.out.printf("waiters: %d polls for %d waiters, lowest remaining %d%n", polls, WAITERS, lowest.get());
            assertThat(polls).isGreaterThanOrEqualTo(2 * WAITERS);
        }
    }
}
