package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.deploy.DeployOptions;
import dev.heroku4j.client.deploy.DeploySource;
import dev.heroku4j.client.deploy.Promotion;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.Pipeline;
import dev.heroku4j.client.model.PipelineCouplingCreateOpts;
import dev.heroku4j.client.model.PipelineCouplingCreateOpts.StageEnum;
import dev.heroku4j.client.model.PipelineCreateOpts;
import dev.heroku4j.client.model.PipelinePromotionCreateOpts;
import dev.heroku4j.client.model.PipelinePromotionCreateOptsSource;
import dev.heroku4j.client.model.PipelinePromotionCreateOptsTargetsItem;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.waiter.WaitFailedException;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code deploys().promote(..)} on both clients against the simulator, which finishes promotions itself: each target
 * gets a release of the source's slug; the promotion completes once every target's release has ended. A target
 * whose release phase fails is reported failed with Heroku's {@code error_message} (the others still succeed); a
 * target whose release phase never ends keeps the promotion pending until the wait's deadline. Failures are the
 * simulator's own ({@code state().failures()}), nothing is set in its store.
 */
@Timeout(120)
class PromoteTests {

    static final Path EXAMPLE = Path.of("src/test/resources/deploy-example");
    static final WaitOptions FAST = WaitOptions.defaults().interval(Duration.ofMillis(50), Duration.ofMillis(200));

    static HerokuSimulator sim;
    static HerokuClient heroku;
    static ReactiveHerokuClient reactive;
    static Pipeline pipeline;
    static App staging;
    static App production;
    static App canary;
    static App held;
    static Release source;

    @BeforeAll
    static void start() {
        sim = HerokuSimulator.builder().start();
        heroku = Clients.patient(sim.baseUrl());
        reactive = heroku.reactive();
        staging = heroku.app().appCreate(new AppCreateOpts().name("promote-staging"));
        production = heroku.app().appCreate(new AppCreateOpts().name("promote-production"));
        canary = heroku.app().appCreate(new AppCreateOpts().name("promote-canary"));
        held = heroku.app().appCreate(new AppCreateOpts().name("promote-held"));
        pipeline = heroku.pipeline().pipelineCreate(new PipelineCreateOpts().name("promote-pipeline"));
        couple(staging, StageEnum.STAGING);
        couple(production, StageEnum.PRODUCTION);
        couple(canary, StageEnum.PRODUCTION);
        couple(held, StageEnum.PRODUCTION);
        source = heroku.deploys().deploy(staging.getName(), DeploySource.directory(EXAMPLE), DeployOptions.defaults()
                .waitOptions(FAST));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static void couple(App app, StageEnum stage) {
        heroku.pipelineCoupling().pipelineCouplingCreate(new PipelineCouplingCreateOpts()
                .pipeline(pipeline.getId()).app(app.getId().toString()).stage(stage));
    }

    static PipelinePromotionCreateOpts fromStagingTo(App... targets) {
        PipelinePromotionCreateOpts request = new PipelinePromotionCreateOpts().pipeline(pipeline.getId())
                .source(new PipelinePromotionCreateOptsSource().app(staging.getId()));
        for (App target : targets) {
            request.addTargetsItem(new PipelinePromotionCreateOptsTargetsItem().app(target.getId()));
        }
        return request;
    }

    static DeployOptions options() {
        return DeployOptions.defaults().waitOptions(FAST);
    }

    static Release current(App app) {
        return heroku.release().releaseList(app.getName()).stream().filter(r -> Boolean.TRUE.equals(r.getCurrent()))
                .findFirst().orElseThrow();
    }

    @Test
    void promote_givesEveryTargetAReleaseOfTheSourcesSlug_andCompletes_onBothClients() {
        for (int round = 0; round < 2; round++) {
            long productionBefore = current(production).getVersion();
            long canaryBefore = current(canary).getVersion();

            Promotion promotion = round == 0 ? heroku.deploys().promote(fromStagingTo(production, canary), options())
                    : reactive.deploys().promote(fromStagingTo(production, canary), options()).block(Clients.BOUND);

            assertThat(promotion.promotion().getStatusAsString()).isEqualTo("completed");
            assertThat(promotion.promotion().getSource().getRelease().getId()).isEqualTo(source.getId());
            assertThat(promotion.succeeded()).isTrue();
            assertThat(promotion.targets()).extracting(Promotion.Target::app)
                    .containsExactlyInAnyOrder(production.getId(), canary.getId());
            for (Promotion.Target target : promotion.targets()) {
                Release release = target.release();
                App app = target.app().equals(production.getId()) ? production : canary;
                long before = app == production ? productionBefore : canaryBefore;
                assertThat(target.status()).isEqualTo("succeeded");
                assertThat(target.error()).isNull();
                assertThat(release.getStatusAsString()).isEqualTo("succeeded");
                assertThat(release.getApp().getId()).isEqualTo(app.getId());
                assertThat(release.getSlug().getId()).isEqualTo(source.getSlug().getId());
                assertThat(release.getVersion()).isGreaterThan(before);
                assertThat(current(app).getId()).isEqualTo(release.getId());
            }
        }
        assertThat(sim.journal().invalid()).isEmpty();
    }

    @Test
    void promote_whenATargetsReleasePhaseFails_reportsThatTarget_andStillReleasesTheOthers() {
        UUID canaryCurrent = current(canary).getId();
        sim.state().failures().releaseFails(canary.getName());

        Promotion promotion = heroku.deploys().promote(fromStagingTo(production, canary), options());

        assertThat(promotion.promotion().getStatusAsString()).isEqualTo("completed");
        assertThat(promotion.succeeded()).isFalse();
        Promotion.Target failed = promotion.targets().stream().filter(t -> t.app().equals(canary.getId())).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("The release on the target app failed.");
        assertThat(failed.release()).isNull();
        assertThat(current(canary).getId()).isEqualTo(canaryCurrent); // a failed release phase leaves the old one current
        Promotion.Target ok = promotion.targets().stream().filter(t -> t.app().equals(production.getId())).findFirst().orElseThrow();
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.release().getSlug().getId()).isEqualTo(source.getSlug().getId());
    }

    @Test
    void promote_whenATargetsReleaseNeverEnds_failsAtTheWaitsDeadline_withTheLastState_onBothClients() {
        DeployOptions shortWait = DeployOptions.defaults().waitOptions(FAST.deadline(Duration.ofSeconds(2)));
        for (int round = 0; round < 2; round++) {
            sim.state().failures().releaseStuckPending(held.getName());
            int promotionsBefore = sim.journal().count("POST", "/pipeline-promotions");

            Runnable promote = round == 0 ? () -> heroku.deploys().promote(fromStagingTo(held), shortWait)
                    : () -> reactive.deploys().promote(fromStagingTo(held), shortWait).block(Clients.BOUND);

            assertThatThrownBy(promote::run).isInstanceOfSatisfying(WaitFailedException.class, e -> {
                assertThat(e.outcome()).isInstanceOf(WaitOutcome.DeadlineExceeded.class);
                assertThat(e.outcome().resourceType()).isEqualTo("pipeline-promotion");
                assertThat(e.outcome().state()).isEqualTo("pending");
                assertThat(e.getMessage()).contains("was still pending when the deadline of PT2S passed");
            });
            assertThat(sim.journal().count("POST", "/pipeline-promotions")).isEqualTo(promotionsBefore + 1);
            Release latest = heroku.release().releaseList(held.getName()).stream()
                    .max(Comparator.comparing(Release::getVersion)).orElseThrow();
            assertThat(latest.getStatusAsString()).isEqualTo("pending");
        }
    }
}
