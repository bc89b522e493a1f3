package dev.heroku4j.examples.webflux;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.examples.webflux.Bodies.AddDomain;
import dev.heroku4j.examples.webflux.Bodies.AddOnView;
import dev.heroku4j.examples.webflux.Bodies.AllApps;
import dev.heroku4j.examples.webflux.Bodies.AppView;
import dev.heroku4j.examples.webflux.Bodies.BuildView;
import dev.heroku4j.examples.webflux.Bodies.ConfigVarChanges;
import dev.heroku4j.examples.webflux.Bodies.ConfigVarNames;
import dev.heroku4j.examples.webflux.Bodies.CreateAddOn;
import dev.heroku4j.examples.webflux.Bodies.CreateApp;
import dev.heroku4j.examples.webflux.Bodies.DomainView;
import dev.heroku4j.examples.webflux.Bodies.FormationView;
import dev.heroku4j.examples.webflux.Bodies.Promote;
import dev.heroku4j.examples.webflux.Bodies.PromotionView;
import dev.heroku4j.examples.webflux.Bodies.Scale;

/** The twelve jobs over HTTP. Only translation here; the Heroku calls are in {@link HerokuJobs}. */
@RestController
class HerokuJobsController {

    private final HerokuJobs jobs;

    HerokuJobsController(HerokuJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/apps")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AppView> createApp(@RequestBody CreateApp request) {
        return jobs.createApp(request.name(), request.region()).map(AppView::of);
    }

    @GetMapping("/apps/{app}")
    Mono<AppView> app(@PathVariable String app) {
        return jobs.app(app).map(AppView::of);
    }

    @PatchMapping("/apps/{app}/config-vars")
    Mono<ConfigVarNames> updateConfigVars(@PathVariable String app, @RequestBody ConfigVarChanges request) {
        return jobs.updateConfigVars(app, request.set() == null ? Map.of() : request.set(),
                request.unset() == null ? List.of() : request.unset())
            .map(ConfigVarNames::of);
    }

    @PatchMapping("/apps/{app}/formation/{type}")
    Mono<FormationView> scale(@PathVariable String app, @PathVariable String type, @RequestBody Scale request) {
        return jobs.scale(app, type, request.quantity()).map(FormationView::of);
    }

    @GetMapping("/apps")
    Mono<AllApps> allApps(@RequestParam(defaultValue = "200") int pageSize) {
        return jobs.allApps(pageSize).collectList().map(AllApps::of);
    }

    @PostMapping("/apps/{app}/dynos/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> restartAllDynos(@PathVariable String app) {
        return jobs.restartAllDynos(app);
    }

    /** The body is the tarball itself: {@code curl --data-binary @app.tgz -H 'Content-Type: application/octet-stream'}. */
    @PostMapping(path = "/apps/{app}/builds", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<BuildView> build(@PathVariable String app, @RequestParam String version, @RequestBody byte[] tarball) {
        return jobs.buildFromTarball(app, tarball, version).map(BuildView::of);
    }

    @PostMapping("/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PromotionView> promote(@RequestBody Promote request) {
        return jobs.promote(request.pipeline(), request.staging(), request.production()).map(PromotionView::of);
    }

    @PostMapping("/apps/{app}/addons")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AddOnView> createAddOn(@PathVariable String app, @RequestBody CreateAddOn request) {
        return jobs.createAddOn(app, request.plan()).map(AddOnView::of);
    }

    @PostMapping("/apps/{app}/domains")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DomainView> addDomain(@PathVariable String app, @RequestBody AddDomain request) {
        return jobs.addDomain(app, request.hostname()).map(DomainView::of);
    }

    @GetMapping("/rate-limit")
    Mono<HerokuJobs.Quota> rateLimit() {
        return jobs.rateLimit();
    }

    /** Server-Sent Events, one {@code data:} per log line, sent as Heroku sends them. */
    @GetMapping(path = "/apps/{app}/logs", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<String> logs(@PathVariable String app, @RequestParam(defaultValue = "100") int lines) {
        return jobs.logs(app, lines);
    }

}
