package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.heroku4j.client.ConfigVars;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.Dyno;
import dev.heroku4j.client.model.DynoCreateOpts;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.waiter.WaitFailedException;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.client.waiter.WaitProgress;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import dev.heroku4j.simulator.state.Timings;

/**
 * The generated waiters on both clients against the simulator: success, failure with the resource's own detail
 * (a failed build, a crashed dyno), a stuck {@code pending} ending at the deadline with the last state, a state
 * moved while the waiter polls, cancellation (reactive dispose, blocking interrupt). The states come from the
 * simulator's own means: its timeline (a release phase of {@link #RELEASE_PHASE}, dynos booting in a second) and its
 * injected failures ({@code state().failures()}: a failed build with output, a stuck release, a crashing dyno).
 * An add-on provisioning over time is in {@link LifecycleWaiterTests}.
 */
@Timeout(120)
class WaiterTests {

    static final WaitOptions FAST = WaitOptions.defaults().interval(Duration.ofMillis(50), Duration.ofMillis(200));
    static final Duration RELEASE_PHASE = Duration.ofMillis(1500);

    static HerokuSimulator sim;
    static HerokuClient heroku;
    static ReactiveHerokuClient reactive;
    static String app;

    @BeforeAll
    static void start() {
        sim = HerokuSimulator.builder().timings(Timings.DEFAULT.withReleasePhase(RELEASE_PHASE)).start();
        heroku = Clients.patient(sim.baseUrl());
        reactive = heroku.reactive();
        app = heroku.app().appCreate(new AppCreateOpts().name("waiter-app")).getName();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** A release made by a config change: its release phase runs for {@link #RELEASE_PHASE}. */
    static Release newRelease() {
        heroku.configVar().configVarUpdate(app, ConfigVars.set("CHANGED", UUID.randomUUID().toString()));
        return heroku.release().releaseList(app).stream().max(java.util.Comparator.comparing(Release::getVersion)).orElseThrow();
    }

    /** A release stuck in pending, as during a Heroku incident (heroku/cli#1272): the simulator's injected failure. */
    static Release pendingRelease() {
        sim.state().failures().releaseStuckPending(app);
        return newRelease();
    }

    @Test
    void buildWait_whenTheBuildSucceeds_givesItWithItsRelease_onBothClients() {
        Build build = heroku.build().buildCreate(app, new dev.heroku4j.client.model.BuildCreateOpts()
                .sourceBlob(new dev.heroku4j.client.model.BuildSourceBlob().url("https://example.com/s.tgz").version("v1")));

        WaitOutcome<Build> outcome = heroku.build().buildWait(app, build.getId(), FAST);
        WaitOutcome<Build> again = reactive.build().buildWait(app, build.getId(), FAST).block(Clients.BOUND);

        assertThat(outcome).isInstanceOf(WaitOutcome.Succeeded.class);
        assertThat(outcome.state()).isEqualTo("succeeded");
        assertThat(outcome.orThrow().getRelease().getId()).isNotNull();
        assertThat(again.succeeded()).isTrue();
    }

    @Test
    void buildWait_whenTheBuildFailed_givesFailedWithItsOutputStream() {
        sim.state().failures().buildFails(app, "-----> Ruby app detected", " !     Push rejected, failed to compile Ruby app.");
        Build build = heroku.build().buildCreate(app, new dev.heroku4j.client.model.BuildCreateOpts()
                .sourceBlob(new dev.heroku4j.client.model.BuildSourceBlob().url("https://example.com/s.tgz").version("v2")));
        assertThat(build.getStatusAsString()).isEqualTo("pending");

        for (WaitOutcome<Build> outcome : List.of(heroku.build().buildWait(app, build.getId(), FAST),
                reactive.build().buildWait(app, build.getId(), FAST).block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
            WaitOutcome.Failed<Build> failed = (WaitOutcome.Failed<Build>) outcome;
            assertThat(failed.state()).isEqualTo("failed");
            assertThat(failed.detail()).containsEntry("output_stream_url", build.getOutputStreamUrl());
            assertThat(failed.polls()).isEqualTo(1);
            assertThatThrownBy(outcome::orThrow).isInstanceOf(WaitFailedException.class)
                    .hasMessageContaining("The build ended failed").hasMessageContaining("output_stream_url");
            // the failure detail leads to why: the build's own output
            assertThat(heroku.readLines(failed.detail().get("output_stream_url")))
                    .endsWith("-----> Ruby app detected", " !     Push rejected, failed to compile Ruby app.");
        }
    }

    @Test
    void releaseWait_whenStuckPending_endsAtTheDeadlineWithTheLastState_onBothClients() {
        Release release = pendingRelease();
        // longer than a release phase takes here: only a stuck release is still pending at it
        Duration deadline = RELEASE_PHASE.plusMillis(500);
        WaitOptions shortDeadline = FAST.deadline(deadline);

        long start = System.nanoTime();
        WaitOutcome<Release> blocking = heroku.release().releaseWait(app, release.getId(), shortDeadline);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        WaitOutcome<Release> reactiveOutcome = reactive.release().releaseWait(app, release.getId(), shortDeadline)
                .block(Clients.BOUND);

        for (WaitOutcome<Release> outcome : List.of(blocking, reactiveOutcome)) {
            assertThat(outcome).isInstanceOf(WaitOutcome.DeadlineExceeded.class);
            WaitOutcome.DeadlineExceeded<Release> late = (WaitOutcome.DeadlineExceeded<Release>) outcome;
            assertThat(late.state()).isEqualTo("pending");
            assertThat(late.resource().getId()).isEqualTo(release.getId());
            assertThat(late.deadline()).isEqualTo(deadline);
            assertThat(late.polls()).isGreaterThan(2);
        }
        assertThat(took).isGreaterThanOrEqualTo(deadline).isLessThan(deadline.plusSeconds(4));
    }

    @Test
    void releaseWait_whenTheStateMovesWhilePolling_succeedsAfterBackingOff() {
        Release release = newRelease();
        assertThat(release.getStatusAsString()).isEqualTo("pending");
        List<WaitProgress> seen = new CopyOnWriteArrayList<>();

        WaitOutcome<Release> result = reactive.release().releaseWait(app, release.getId(), FAST.onPoll(seen::add))
                .block(Clients.BOUND);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(RELEASE_PHASE.minusMillis(200)); // the phase ran its time
        assertThat(seen).extracting(WaitProgress::state).startsWith("pending", "pending").endsWith("succeeded");
        assertThat(seen).extracting(WaitProgress::poll).isSorted();
        // the pauses grow: the last gap is longer than the first (50 ms, growing by 1.5 up to 200 ms, 10% jitter)
        Duration first = seen.get(1).elapsed().minus(seen.get(0).elapsed());
        Duration last = seen.get(seen.size() - 1).elapsed().minus(seen.get(seen.size() - 2).elapsed());
        assertThat(seen.size() < 4 || last.compareTo(first) > 0).isTrue();
    }

    @Test
    void dynoWait_whenTheDynoCrashed_isAFailure_notAWaitForever() {
        // an app of its own, without formation: no other dyno boots to take the injected crash
        String dynos = heroku.app().appCreate(new AppCreateOpts().name("waiter-dynos")).getName();
        DynoCreateOpts worker = new DynoCreateOpts().command("bin/worker");
        Dyno crashedNow = heroku.dyno().dynoCreate(dynos, worker);
        assertThat(crashedNow.getState()).isEqualTo("starting");
        sim.state().crashDyno(dynos, crashedNow.getName());

        WaitOutcome<Dyno> outcome = heroku.dyno().dynoWait(dynos, crashedNow.getId(), FAST.deadline(Duration.ofSeconds(30)));

        assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
        assertThat(outcome.state()).isEqualTo("crashed");
        assertThat(outcome.polls()).isEqualTo(1);

        // one that crashes while it boots: starting at first, then crashed, and the wait ends there
        sim.state().failures().dynoCrashes(dynos, null);
        Dyno crashing = heroku.dyno().dynoCreate(dynos, worker);
        List<String> states = new CopyOnWriteArrayList<>();
        WaitOutcome<Dyno> booted = reactive.dyno().dynoWait(dynos, crashing.getName(), FAST.onPoll(p -> states.add(p.state())))
                .block(Clients.BOUND);
        assertThat(booted).isInstanceOf(WaitOutcome.Failed.class);
        assertThat(states).startsWith("starting").endsWith("crashed").containsOnly("starting", "crashed");

        // and one that comes up after its boot time (a second)
        Dyno healthy = heroku.dyno().dynoCreate(dynos, worker);
        WaitOutcome<Dyno> up = reactive.dyno().dynoWait(dynos, healthy.getName(), FAST).block(Clients.BOUND);
        assertThat(up.succeeded()).isTrue();
        assertThat(up.state()).isEqualTo("up");
        assertThat(up.polls()).isGreaterThan(1);
    }

    @Test
    void wait_whenTheResourceIsGone_failsWithTheCallsError() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> heroku.build().buildWait(app, missing, FAST)).isInstanceOf(HerokuNotFoundException.class);
        assertThatThrownBy(() -> reactive.build().buildWait(app, missing, FAST).block(Clients.BOUND))
                .isInstanceOf(HerokuNotFoundException.class);
    }

    @Test
    void reactiveWait_whenDisposed_stopsPolling() throws Exception {
        Release release = pendingRelease();
        CountDownLatch polled = new CountDownLatch(1);
        Disposable running = reactive.release().releaseWait(app, release.getId(), FAST.onPoll(p -> polled.countDown()))
                .subscribe();
        assertThat(polled.await(10, TimeUnit.SECONDS)).isTrue();

        running.dispose();
        int afterDispose = polls(release);
        Thread.sleep(600);

        assertThat(polls(release)).isLessThanOrEqualTo(afterDispose + 1); // at most the one already in flight
    }

    @Test
    void blockingWait_whenInterrupted_stopsPollingAndSaysSo() throws Exception {
        Release release = pendingRelease();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch polled = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                heroku.release().releaseWait(app, release.getId(), FAST.onPoll(p -> polled.countDown()));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        waiter.start();
        assertThat(polled.await(10, TimeUnit.SECONDS)).isTrue();

        waiter.interrupt();
        waiter.join(5_000);
        int afterInterrupt = polls(release);
        Thread.sleep(600);

        assertThat(waiter.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("Interrupted");
        assertThat(polls(release)).isLessThanOrEqualTo(afterInterrupt + 1);
    }

    @Test
    void options_refuseWhatCannotWork() {
        assertThatThrownBy(() -> WaitOptions.deadlineIn(Duration.ZERO)).hasMessageContaining("deadline must be positive");
        assertThatThrownBy(() -> WaitOptions.defaults().quotaShare(0)).hasMessageContaining("quotaShare must be in (0, 1]");
        assertThatThrownBy(() -> heroku.build().buildWait(app, " ", FAST)).isInstanceOf(IllegalArgumentException.class);
    }

    static int polls(Release release) {
        return sim.journal().count("GET", "/apps/*/releases/" + release.getId());
    }
}
