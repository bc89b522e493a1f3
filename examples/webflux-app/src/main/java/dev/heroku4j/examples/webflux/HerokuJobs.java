package dev.heroku4j.examples.webflux;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.ConfigVars;
import dev.heroku4j.client.model.AddOn;
import dev.heroku4j.client.model.AddOnCreateOpts;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.BuildCreateOpts;
import dev.heroku4j.client.model.BuildSourceBlob;
import dev.heroku4j.client.model.Domain;
import dev.heroku4j.client.model.DomainCreateOpts;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.model.Pipeline;
import dev.heroku4j.client.model.PipelineCoupling;
import dev.heroku4j.client.model.PipelineCouplingCreateOpts;
import dev.heroku4j.client.model.PipelineCouplingCreateOpts.StageEnum;
import dev.heroku4j.client.model.PipelineCreateOpts;
import dev.heroku4j.client.model.PipelinePromotion;
import dev.heroku4j.client.model.PipelinePromotionCreateOpts;
import dev.heroku4j.client.model.PipelinePromotionCreateOptsSource;
import dev.heroku4j.client.model.PipelinePromotionCreateOptsTargetsItem;
import dev.heroku4j.client.paging.Range;

/**
 * Twelve everyday Heroku jobs, one method each, with the reactive client: nothing is sent until the answer is
 * subscribed to (WebFlux does that), and Heroku's errors arrive as {@code HerokuException} signals (404 and 422
 * become HTTP answers in {@link HerokuErrors}). Never blocks, so it is safe on an event-loop thread.
 */
@Service
public class HerokuJobs {

    private final ReactiveHerokuClient heroku;

    public HerokuJobs(ReactiveHerokuClient heroku) {
        this.heroku = heroku;
    }

    /** 1. Creates an app; Heroku picks a name when {@code name} is null. */
    public Mono<App> createApp(@Nullable String name, @Nullable String region) {
        return heroku.app().appCreate(new AppCreateOpts().name(name).region(region));
    }

    /** One app; an unknown name is Heroku's 404 (job 12). */
    public Mono<App> app(String name) {
        return heroku.app().appInfo(name);
    }

    /** 2. Sets {@code set} and unsets {@code unset} in one release; answers every config var now set. */
    public Mono<Map<String, String>> updateConfigVars(String app, Map<String, String> set, Collection<String> unset) {
        return heroku.configVar().configVarUpdate(app, configVarChanges(set, unset));
    }

    /** 3. Scales one process type. */
    public Mono<Formation> scale(String app, String type, int quantity) {
        return heroku.formation().formationUpdate(app, type, new FormationUpdateOpts().quantity(quantity));
    }

    /** 4. Every app of the account, by name, {@code pageSize} a request: the next page is asked for on demand. */
    public Flux<App> allApps(int pageSize) {
        return heroku.app().appList(Range.by("name").withMax(pageSize));
    }

    /** 5. Restarts every dyno of the app. */
    public Mono<Void> restartAllDynos(String app) {
        return heroku.dyno().dynoRestartAll(app).then();
    }

    /** 6. Deploys a source tarball: a source to upload to, the upload, then a build of what was uploaded. */
    public Mono<Build> buildFromTarball(String app, byte[] tarball, String version) {
        return heroku.source().sourceCreate().flatMap(source -> heroku.upload(source.getSourceBlob().getPutUrl(), tarball)
            .then(heroku.build().buildCreate(app, new BuildCreateOpts()
                .sourceBlob(new BuildSourceBlob().url(source.getSourceBlob().getGetUrl()).version(version)))));
    }

    /** 7. A pipeline with {@code staging} and {@code production}, then staging's release promoted to production. */
    public Mono<Promotion> promote(String pipelineName, String staging, String production) {
        return heroku.pipeline().pipelineCreate(new PipelineCreateOpts().name(pipelineName))
            .flatMap(pipeline -> Mono.zip(couple(pipeline, staging, StageEnum.STAGING),
                    couple(pipeline, production, StageEnum.PRODUCTION))
                .flatMap(couplings -> promotion(pipeline, couplings.getT1(), couplings.getT2())
                    .map(promotion -> new Promotion(pipeline, List.of(couplings.getT1(), couplings.getT2()), promotion))));
    }

    /** 8. Provisions an add-on, e.g. {@code heroku-postgresql:essential-0}. */
    public Mono<AddOn> createAddOn(String app, String plan) {
        return heroku.addOn().addOnCreate(app, new AddOnCreateOpts().plan(plan));
    }

    /**
     * 9. Adds a custom domain; point its DNS at the answer's {@code cname}. Heroku requires {@code sni_endpoint}
     * even when it is null (no certificate yet), and a field never set is not sent: so it is set to null here.
     */
    public Mono<Domain> addDomain(String app, String hostname) {
        return heroku.domain().domainCreate(app, new DomainCreateOpts().hostname(hostname));
    }

    /**
     * 10. The API quota left: the body of {@code GET /account/rate-limits}, its {@code RateLimit-Remaining} header,
     * and what the client's tracker saw last (updated by every response).
     */
    public Mono<Quota> rateLimit() {
        return heroku.withResponse(h -> h.rateLimit().rateLimitInfo())
            .map(response -> new Quota(response.body().getRemaining(), orNull(response.rateLimitRemaining()),
                    orNull(heroku.rateLimitTracker().remaining())));
    }

    /** 11. The app's latest log lines as they arrive: a log session, then its stream (tail=false ends it). */
    public Flux<String> logs(String app, int lines) {
        return heroku.logSession()
            .logSessionCreate(app, new LogSessionCreateOpts().lines(lines).tail(false))
            .flatMapMany(session -> heroku.lines(session.getLogplexUrl()));
    }

    private Mono<PipelineCoupling> couple(Pipeline pipeline, String app, StageEnum stage) {
        return heroku.pipelineCoupling()
            .pipelineCouplingCreate(new PipelineCouplingCreateOpts().pipeline(pipeline.getId()).app(app).stage(stage));
    }

    private Mono<PipelinePromotion> promotion(Pipeline pipeline, PipelineCoupling from, PipelineCoupling to) {
        return heroku.pipelinePromotion().pipelinePromotionCreate(new PipelinePromotionCreateOpts()
            .pipeline(pipeline.getId())
            .source(new PipelinePromotionCreateOptsSource()
                .app(from.getApp().getId()))
            .addTargetsItem(new PipelinePromotionCreateOptsTargetsItem()
                .app(to.getApp().getId())));
    }

    /**
     * Heroku unsets a config var sent as {@code null}. {@code Map.of} refuses null values, so the body is a
     * {@link ConfigVars}, the client's map of changes.
     */
    static Map<String, @Nullable String> configVarChanges(Map<String, String> set, Collection<String> unset) {
        ConfigVars changes = ConfigVars.unset(unset.toArray(String[]::new));
        set.forEach(changes::and);
        return changes;
    }

    private static @Nullable Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    /** What job 7 made. */
    public record Promotion(Pipeline pipeline, List<PipelineCoupling> couplings, PipelinePromotion promotion) {
    }

    /** What job 10 read. */
    public record Quota(@Nullable Long remaining, @Nullable Integer remainingHeader, @Nullable Integer tracked) {
    }

}
