package dev.heroku4j.examples.mvc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuResponse;
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
import dev.heroku4j.client.model.LogSession;
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
import dev.heroku4j.client.model.RateLimit;
import dev.heroku4j.client.model.Source;
import dev.heroku4j.client.paging.Range;

/**
 * Twelve everyday Heroku jobs, one method each, with the blocking client: every call returns Heroku's answer or
 * throws a {@code HerokuException} (404 and 422 become HTTP answers in {@link HerokuErrors}). Safe on a servlet
 * thread; each call is bounded by {@code heroku.call-timeout}.
 */
@Service
public class HerokuJobs {

    private final HerokuClient heroku;

    public HerokuJobs(HerokuClient heroku) {
        this.heroku = heroku;
    }

    /** 1. Creates an app; Heroku picks a name when {@code name} is null. */
    public App createApp(@Nullable String name, @Nullable String region) {
        return heroku.app().appCreate(new AppCreateOpts().name(name).region(region));
    }

    /** One app; an unknown name is Heroku's 404 (job 12). */
    public App app(String name) {
        return heroku.app().appInfo(name);
    }

    /** 2. Sets {@code set} and unsets {@code unset} in one release; answers every config var now set. */
    public Map<String, String> updateConfigVars(String app, Map<String, String> set, Collection<String> unset) {
        return heroku.configVar().configVarUpdate(app, configVarChanges(set, unset));
    }

    /** 3. Scales one process type. */
    public Formation scale(String app, String type, int quantity) {
        return heroku.formation().formationUpdate(app, type, new FormationUpdateOpts().quantity(quantity));
    }

    /** 4. Every app of the account, by name, {@code pageSize} a request: the list follows Next-Range to the end. */
    public List<App> allApps(int pageSize) {
        return heroku.app().appList(Range.by("name").withMax(pageSize)).toList();
    }

    /** 5. Restarts every dyno of the app. */
    public void restartAllDynos(String app) {
        heroku.dyno().dynoRestartAll(app);
    }

    /** 6. Deploys a source tarball: a source to upload to, the upload, then a build of what was uploaded. */
    public Build buildFromTarball(String app, byte[] tarball, String version) {
        Source source = heroku.source().sourceCreate();
        heroku.upload(source.getSourceBlob().getPutUrl(), tarball);
        return heroku.build().buildCreate(app, new BuildCreateOpts()
            .sourceBlob(new BuildSourceBlob().url(source.getSourceBlob().getGetUrl()).version(version)));
    }

    /** 7. A pipeline with {@code staging} and {@code production}, then staging's release promoted to production. */
    public Promotion promote(String pipelineName, String staging, String production) {
        Pipeline pipeline = heroku.pipeline().pipelineCreate(new PipelineCreateOpts().name(pipelineName));
        PipelineCoupling from = couple(pipeline, staging, StageEnum.STAGING);
        PipelineCoupling to = couple(pipeline, production, StageEnum.PRODUCTION);
        return new Promotion(pipeline, List.of(from, to), promotion(pipeline, from, to));
    }

    /** 8. Provisions an add-on, e.g. {@code heroku-postgresql:essential-0}. */
    public AddOn createAddOn(String app, String plan) {
        return heroku.addOn().addOnCreate(app, new AddOnCreateOpts().plan(plan));
    }

    /**
     * 9. Adds a custom domain; point its DNS at the answer's {@code cname}. Heroku requires {@code sni_endpoint}
     * even when it is null (no certificate yet), and a field never set is not sent: so it is set to null here.
     */
    public Domain addDomain(String app, String hostname) {
        return heroku.domain().domainCreate(app, new DomainCreateOpts().hostname(hostname));
    }

    /**
     * 10. The API quota left: the body of {@code GET /account/rate-limits}, its {@code RateLimit-Remaining} header,
     * and what the client's tracker saw last (updated by every response).
     */
    public Quota rateLimit() {
        HerokuResponse<RateLimit> response = heroku.withResponse(h -> h.rateLimit().rateLimitInfo());
        return new Quota(response.body().getRemaining(), orNull(response.rateLimitRemaining()),
                orNull(heroku.rateLimitTracker().remaining()));
    }

    /** 11. The app's latest log lines: a log session, then its stream read to the end (tail=false ends it). */
    public List<String> logs(String app, int lines) {
        LogSession session = heroku.logSession()
            .logSessionCreate(app, new LogSessionCreateOpts().lines(lines).tail(false));
        try (Stream<String> stream = heroku.lines(session.getLogplexUrl())) {
            return stream.toList();
        }
    }

    private PipelineCoupling couple(Pipeline pipeline, String app, StageEnum stage) {
        return heroku.pipelineCoupling()
            .pipelineCouplingCreate(new PipelineCouplingCreateOpts().pipeline(pipeline.getId()).app(app).stage(stage));
    }

    private PipelinePromotion promotion(Pipeline pipeline, PipelineCoupling from, PipelineCoupling to) {
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
