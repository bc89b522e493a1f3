package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.heroku4j.client.ConfigVars;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.AppSetup;
import dev.heroku4j.client.model.AppSetupCreateOpts;
import dev.heroku4j.client.model.AppSetupCreateOptsApp;
import dev.heroku4j.client.model.AppSetupCreateOptsSourceBlob;
import dev.heroku4j.client.model.AppWebhookCreateOpts;
import dev.heroku4j.client.model.AppWebhookDelivery;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.BuildCreateOpts;
import dev.heroku4j.client.model.BuildSourceBlob;
import dev.heroku4j.client.model.PipelineCouplingCreateOpts;
import dev.heroku4j.client.model.PipelineCreateOpts;
import dev.heroku4j.client.model.PipelinePromotion;
import dev.heroku4j.client.model.PipelinePromotionCreateOpts;
import dev.heroku4j.client.model.PipelinePromotionCreateOptsSource;
import dev.heroku4j.client.model.PipelinePromotionCreateOptsTargetsItem;
import dev.heroku4j.client.model.PipelinePromotionTarget;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every generated waiter, on both clients, against the simulator. {@link #COVERED_ELSEWHERE} (build, release, dyno)
 * are in {@link WaiterTests}. Here, on state the simulator keeps and moves itself: app setups (following their
 * build: success, a build that fails with the setup's own {@code failure_message}, a build stuck pending at the
 * deadline, a wait cancelled), pipeline promotions (completed once every target's release ended, also when a
 * target failed; pending at the deadline while a target's release phase hangs) and app webhook deliveries (to a
 * loopback receiver: succeeded, failed with its {@code last_attempt}, {@code retrying} at the deadline).
 * <p>
 * What the simulator moves through states by its {@code lifecycles.json} (add-ons, app transfers, peerings, review
 * apps, test runs, spaces, their NATs, VPN connections) is in {@link LifecycleWaiterTests}.
 */
@Timeout(120)
class EveryWaiterTests {

    static final WaitOptions FAST = WaitOptions.defaults().interval(Duration.ofMillis(50), Duration.ofMillis(200));
    static final Set<String> COVERED_ELSEWHERE = Set.of("build", "release", "dyno");
    static final Set<String> REAL_STATE = Set.of("app-setup", "pipeline-promotion", "app-webhook-delivery");

    static HerokuSimulator sim;
    static HerokuClient heroku;
    static ReactiveHerokuClient reactive;
    static HttpServer receiver;
    static final AtomicInteger answer = new AtomicInteger(204);

    @BeforeAll
    static void start() throws IOException {
        // a sync delivery that fails is retried after 10 minutes: "retrying" for far longer than any test waits
        sim = HerokuSimulator.builder().webhookRetries(3, Duration.ofMinutes(10)).start();
        heroku = Clients.patient(sim.baseUrl());
        reactive = heroku.reactive();
        heroku.app().appCreate(new AppCreateOpts().name("every-waiter"));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        sim.close();
    }

    @Test
    void everyResourceWithAWaiter_isTested_hereOrInWaiterTests() throws IOException {
        JsonNode data = JsonMapper.builder().build().readTree(Files.readString(
                Path.of("../schema-converter/src/main/resources/dev/heroku4j/converter/heroku-waiters.json")));
        Set<String> waiters = new HashSet<>();
        data.forEach(entry -> {
            if (!entry.path("none").asBoolean()) {
                waiters.add(entry.path("resource").asString());
            }
        });
        Set<String> tested = new HashSet<>(COVERED_ELSEWHERE);
        tested.addAll(REAL_STATE);
        tested.addAll(LifecycleWaiterTests.RESOURCES);
        assertThat(tested).isEqualTo(waiters);
    }

    // ---------------------------------------------------------------- app setups: they follow their build

    static AppSetup setup(String name) {
        return heroku.appSetup().appSetupCreate(new AppSetupCreateOpts().app(new AppSetupCreateOptsApp().name(name))
                .sourceBlob(new AppSetupCreateOptsSourceBlob().url("https://example.com/app.tgz").version("v1")));
    }

    @Test
    void appSetupWait_succeeds_whenItsBuildDoes_onBothClients() {
        AppSetup blocking = setup("setup-ok");
        AppSetup viaReactive = setup("setup-ok-reactive");
        assertThat(blocking.getStatusAsString()).isEqualTo("pending");

        for (WaitOutcome<AppSetup> outcome : List.of(heroku.appSetup().appSetupWait(blocking.getId(), FAST),
                reactive.appSetup().appSetupWait(viaReactive.getId(), FAST).block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.Succeeded.class);
            assertThat(outcome.state()).isEqualTo("succeeded");
            assertThat(outcome.resource().getBuild().getStatusAsString()).isEqualTo("succeeded");
        }
    }

    @Test
    void appSetupWait_whenItsBuildFails_isAFailureWithTheSetupsFailureMessage_onBothClients() {
        sim.state().failures().buildFails("setup-fails", " !     Push rejected, no Cedar-supported app detected");
        sim.state().failures().buildFails("setup-fails-reactive", " !     Push rejected");
        AppSetup blocking = setup("setup-fails");
        AppSetup viaReactive = setup("setup-fails-reactive");

        for (WaitOutcome<AppSetup> outcome : List.of(heroku.appSetup().appSetupWait(blocking.getId(), FAST),
                reactive.appSetup().appSetupWait(viaReactive.getId(), FAST).block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
            assertThat(outcome.state()).isEqualTo("failed");
            assertThat(((WaitOutcome.Failed<AppSetup>) outcome).detail())
                    .containsEntry("failure_message", "Build failed: see the build's output");
        }
    }

    @Test
    void appSetupWait_whenItsBuildIsStuck_endsAtTheDeadlinePending_andADisposedWaitStopsPolling() throws Exception {
        sim.state().failures().buildStuckPending("setup-stuck");
        AppSetup stuck = setup("setup-stuck");
        heroku.appSetup().appSetupInfo(stuck.getId()); // a cold simulator's first call of a link is slow: not timed
        WaitOptions deadline = FAST.deadline(Duration.ofMillis(800));

        for (WaitOutcome<AppSetup> outcome : List.of(heroku.appSetup().appSetupWait(stuck.getId(), deadline),
                reactive.appSetup().appSetupWait(stuck.getId(), deadline).block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.DeadlineExceeded.class);
            assertThat(outcome.state()).isEqualTo("pending");
            assertThat(outcome.resource().getId()).isEqualTo(stuck.getId());
        }

        CountDownLatch polled = new CountDownLatch(1);
        Disposable running = reactive.appSetup().appSetupWait(stuck.getId(), FAST.onPoll(p -> polled.countDown())).subscribe();
        assertThat(polled.await(10, TimeUnit.SECONDS)).isTrue();
        running.dispose();
        int afterDispose = sim.journal().count("GET", "/app-setups/" + stuck.getId());
        Thread.sleep(600);
        assertThat(sim.journal().count("GET", "/app-setups/" + stuck.getId())).isLessThanOrEqualTo(afterDispose + 1);
    }

    // ---------------------------------------------------------------- pipeline promotions

    static UUID pipeline;
    static App source;

    /** A pipeline whose staging app has a built release, and a new production app coupled to it. */
    static synchronized App target(String name) {
        if (pipeline == null) {
            source = heroku.app().appCreate(new AppCreateOpts().name("promotion-source"));
            pipeline = heroku.pipeline().pipelineCreate(new PipelineCreateOpts().name("every-waiter-pipeline")).getId();
            couple(source, PipelineCouplingCreateOpts.StageEnum.STAGING);
            Build build = heroku.build().buildCreate(source.getName(), new BuildCreateOpts()
                    .sourceBlob(new BuildSourceBlob().url("https://example.com/s.tgz").version("v1")));
            heroku.build().buildWait(source.getName(), build.getId(), FAST).orThrow();
        }
        App target = heroku.app().appCreate(new AppCreateOpts().name(name));
        couple(target, PipelineCouplingCreateOpts.StageEnum.PRODUCTION);
        return target;
    }

    static void couple(App app, PipelineCouplingCreateOpts.StageEnum stage) {
        heroku.pipelineCoupling().pipelineCouplingCreate(new PipelineCouplingCreateOpts().pipeline(pipeline)
                .app(app.getId().toString()).stage(stage));
    }

    static PipelinePromotion promote(App target) {
        return heroku.pipelinePromotion().pipelinePromotionCreate(new PipelinePromotionCreateOpts().pipeline(pipeline)
                .source(new PipelinePromotionCreateOptsSource().app(source.getId()))
                .addTargetsItem(new PipelinePromotionCreateOptsTargetsItem().app(target.getId())));
    }

    @Test
    void pipelinePromotionWait_completes_alsoWhenATargetFailed_whoseOwnStatusSaysSo_onBothClients() {
        App ok = target("promotion-ok");
        App failing = target("promotion-failing");
        sim.state().failures().releaseFails(failing.getName());
        PipelinePromotion first = promote(ok);
        PipelinePromotion second = promote(failing);
        assertThat(first.getStatusAsString()).isEqualTo("pending");

        List<WaitOutcome<PipelinePromotion>> outcomes = List.of(
                heroku.pipelinePromotion().pipelinePromotionWait(first.getId(), FAST),
                reactive.pipelinePromotion().pipelinePromotionWait(second.getId(), FAST).block(Clients.BOUND));

        // completed is the promotion's only end (heroku-waiters.json); whether a target failed is its own status
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(WaitOutcome.Succeeded.class)
                .extracting(WaitOutcome::state).isEqualTo("completed"));
        assertThat(heroku.pipelinePromotionTarget().pipelinePromotionTargetList(first.getId()))
                .extracting(PipelinePromotionTarget::getStatusAsString).containsExactly("succeeded");
        assertThat(heroku.pipelinePromotionTarget().pipelinePromotionTargetList(second.getId()))
                .extracting(PipelinePromotionTarget::getStatusAsString, PipelinePromotionTarget::getErrorMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("failed", "The release on the target app failed."));
    }

    @Test
    void pipelinePromotionWait_whileATargetsReleaseHangs_endsAtTheDeadlinePending_onBothClients() {
        App held = target("promotion-held");
        sim.state().failures().releaseStuckPending(held.getName());
        PipelinePromotion promotion = promote(held);
        heroku.pipelinePromotion().pipelinePromotionInfo(promotion.getId()); // not timed: see the app setup's
        WaitOptions deadline = FAST.deadline(Duration.ofMillis(800));

        for (WaitOutcome<PipelinePromotion> outcome : List.of(
                heroku.pipelinePromotion().pipelinePromotionWait(promotion.getId(), deadline),
                reactive.pipelinePromotion().pipelinePromotionWait(promotion.getId(), deadline).block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.DeadlineExceeded.class);
            assertThat(outcome.state()).isEqualTo("pending");
            assertThat(outcome.polls()).isGreaterThan(1);
        }
    }

    // ---------------------------------------------------------------- app webhook deliveries

    /** Subscribes {@code app} to its releases at the receiver, makes a release, and gives that release's delivery. */
    static AppWebhookDelivery delivery(String app, AppWebhookCreateOpts.LevelEnum level, int status) {
        heroku.app().appCreate(new AppCreateOpts().name(app));
        heroku.appWebhook().appWebhookCreate(app, new AppWebhookCreateOpts()
                .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks").include(List.of("api:release"))
                .level(level));
        answer.set(status);
        heroku.configVar().configVarUpdate(app, ConfigVars.set("HOOKED", "1"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> heroku.appWebhookDelivery().appWebhookDeliveryList(app).stream().findAny().isPresent());
        return heroku.appWebhookDelivery().appWebhookDeliveryList(app).stream().findFirst().orElseThrow();
    }

    @Test
    void appWebhookDeliveryWait_succeeds_whenTheReceiverTakesIt_onBothClients() {
        AppWebhookDelivery delivery = delivery("hooked-ok", AppWebhookCreateOpts.LevelEnum.NOTIFY, 204);

        for (WaitOutcome<AppWebhookDelivery> outcome : List.of(
                heroku.appWebhookDelivery().appWebhookDeliveryWait("hooked-ok", delivery.getId(), FAST),
                reactive.appWebhookDelivery().appWebhookDeliveryWait("hooked-ok", delivery.getId(), FAST).block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.Succeeded.class);
            assertThat(outcome.state()).isEqualTo("succeeded");
            assertThat(outcome.resource().getNumAttempts()).isEqualTo(1);
        }
    }

    @Test
    void appWebhookDeliveryWait_whenTheReceiverRefusesIt_isAFailureWithTheLastAttempt_onBothClients() {
        AppWebhookDelivery delivery = delivery("hooked-refused", AppWebhookCreateOpts.LevelEnum.NOTIFY, 500);

        for (WaitOutcome<AppWebhookDelivery> outcome : List.of(
                heroku.appWebhookDelivery().appWebhookDeliveryWait("hooked-refused", delivery.getId(), FAST),
                reactive.appWebhookDelivery().appWebhookDeliveryWait("hooked-refused", delivery.getId(), FAST)
                        .block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
            assertThat(outcome.state()).isEqualTo("failed");
            assertThat(((WaitOutcome.Failed<AppWebhookDelivery>) outcome).detail().get("last_attempt"))
                    .contains("\"code\":500").contains("\"status\":\"failed\"");
        }
    }

    @Test
    void appWebhookDeliveryWait_whileASyncDeliveryIsRetried_endsAtTheDeadlineRetrying_onBothClients() {
        AppWebhookDelivery delivery = delivery("hooked-retried", AppWebhookCreateOpts.LevelEnum.SYNC, 503);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "retrying".equals(heroku
                .appWebhookDelivery().appWebhookDeliveryInfo("hooked-retried", delivery.getId()).getStatusAsString()));
        WaitOptions deadline = FAST.deadline(Duration.ofMillis(800));

        for (WaitOutcome<AppWebhookDelivery> outcome : List.of(
                heroku.appWebhookDelivery().appWebhookDeliveryWait("hooked-retried", delivery.getId(), deadline),
                reactive.appWebhookDelivery().appWebhookDeliveryWait("hooked-retried", delivery.getId(), deadline)
                        .block(Clients.BOUND))) {
            assertThat(outcome).isInstanceOf(WaitOutcome.DeadlineExceeded.class);
            assertThat(outcome.state()).isEqualTo("retrying");
            assertThat(outcome.resource().getNextAttemptAt()).isNotNull();
        }
    }
}
