package dev.heroku4j.examples.webflux;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.model.AddOn;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.Domain;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.PipelineCoupling;

/**
 * The JSON this application reads and writes. Small records rather than Heroku's models, so each endpoint answers
 * the few fields that matter (and never a config var's value).
 */
final class Bodies {

    private Bodies() {
    }

    // ---------------------------------------------------------------- requests

    record CreateApp(@Nullable String name, @Nullable String region) {
    }

    /** {@code {"set": {"GREETING": "hello"}, "unset": ["OLD_KEY"]}}. */
    record ConfigVarChanges(@Nullable Map<String, String> set, @Nullable List<String> unset) {
    }

    record Scale(int quantity) {
    }

    record Promote(String pipeline, String staging, String production) {
    }

    record CreateAddOn(String plan) {
    }

    record AddDomain(String hostname) {
    }

    // ---------------------------------------------------------------- answers

    record AppView(String id, String name, @Nullable String region) {
        static AppView of(App app) {
            return new AppView(String.valueOf(app.getId()), app.getName(),
                    app.getRegion() == null ? null : app.getRegion().getName());
        }
    }

    record AllApps(int count, List<String> names) {
        static AllApps of(List<App> apps) {
            return new AllApps(apps.size(), apps.stream().map(App::getName).toList());
        }
    }

    /** Names only: config var values are usually secrets. */
    record ConfigVarNames(List<String> names) {
        static ConfigVarNames of(Map<String, String> configVars) {
            return new ConfigVarNames(configVars.keySet().stream().sorted().toList());
        }
    }

    record FormationView(String type, @Nullable Long quantity, @Nullable String size) {
        static FormationView of(Formation formation) {
            return new FormationView(formation.getType(), formation.getQuantity(), formation.getSize());
        }
    }

    record BuildView(String id, String status, @Nullable String version, @Nullable String sourceUrl) {
        static BuildView of(Build build) {
            return new BuildView(String.valueOf(build.getId()), build.getStatusAsString(),
                    build.getSourceBlob() == null ? null : build.getSourceBlob().getVersion(),
                    build.getSourceBlob() == null ? null : build.getSourceBlob().getUrl());
        }
    }

    /** Heroku's coupling names its app by id only. */
    record Coupling(String appId, String stage) {
        static Coupling of(PipelineCoupling coupling) {
            return new Coupling(String.valueOf(coupling.getApp().getId()), coupling.getStageAsString());
        }
    }

    record PromotionView(String pipelineId, String pipeline, List<Coupling> couplings, String promotionId,
            String status) {
        static PromotionView of(HerokuJobs.Promotion made) {
            return new PromotionView(String.valueOf(made.pipeline().getId()), made.pipeline().getName(),
                    made.couplings().stream().map(Coupling::of).toList(), String.valueOf(made.promotion().getId()),
                    made.promotion().getStatusAsString());
        }
    }

    record AddOnView(String name, @Nullable String plan, @Nullable String state) {
        static AddOnView of(AddOn addOn) {
            return new AddOnView(addOn.getName(), addOn.getPlan() == null ? null : addOn.getPlan().getName(),
                    addOn.getStateAsString());
        }
    }

    record DomainView(String hostname, @Nullable String cname) {
        static DomainView of(Domain domain) {
            return new DomainView(domain.getHostname(), domain.getCname());
        }
    }

    /** Heroku's error, passed on: {@code {"status": 404, "id": "not_found", "message": "Couldn't find that app."}}. */
    record HerokuError(int status, @Nullable String id, @Nullable String message, @Nullable String requestId) {
    }

}
