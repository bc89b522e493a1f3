package dev.heroku4j.examples.mvc;

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

import dev.heroku4j.examples.mvc.Bodies.AddDomain;
import dev.heroku4j.examples.mvc.Bodies.AddOnView;
import dev.heroku4j.examples.mvc.Bodies.AllApps;
import dev.heroku4j.examples.mvc.Bodies.AppView;
import dev.heroku4j.examples.mvc.Bodies.BuildView;
import dev.heroku4j.examples.mvc.Bodies.ConfigVarChanges;
import dev.heroku4j.examples.mvc.Bodies.ConfigVarNames;
import dev.heroku4j.examples.mvc.Bodies.CreateAddOn;
import dev.heroku4j.examples.mvc.Bodies.CreateApp;
import dev.heroku4j.examples.mvc.Bodies.DomainView;
import dev.heroku4j.examples.mvc.Bodies.FormationView;
import dev.heroku4j.examples.mvc.Bodies.Promote;
import dev.heroku4j.examples.mvc.Bodies.PromotionView;
import dev.heroku4j.examples.mvc.Bodies.Scale;

/** The twelve jobs over HTTP. Only translation here; the Heroku calls are in {@link HerokuJobs}. */
@RestController
class HerokuJobsController {

    private final HerokuJobs jobs;

    HerokuJobsController(HerokuJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/apps")
    @ResponseStatus(HttpStatus.CREATED)
    AppView createApp(@RequestBody CreateApp request) {
        return AppView.of(jobs.createApp(request.name(), request.region()));
    }

    @GetMapping("/apps/{app}")
    AppView app(@PathVariable String app) {
        return AppView.of(jobs.app(app));
    }

    @PatchMapping("/apps/{app}/config-vars")
    ConfigVarNames updateConfigVars(@PathVariable String app, @RequestBody ConfigVarChanges request) {
        return ConfigVarNames.of(jobs.updateConfigVars(app, request.set() == null ? Map.of() : request.set(),
                request.unset() == null ? List.of() : request.unset()));
    }

    @PatchMapping("/apps/{app}/formation/{type}")
    FormationView scale(@PathVariable String app, @PathVariable String type, @RequestBody Scale request) {
        return FormationView.of(jobs.scale(app, type, request.quantity()));
    }

    @GetMapping("/apps")
    AllApps allApps(@RequestParam(defaultValue = "200") int pageSize) {
        return AllApps.of(jobs.allApps(pageSize));
    }

    @PostMapping("/apps/{app}/dynos/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void restartAllDynos(@PathVariable String app) {
        jobs.restartAllDynos(app);
    }

    /** The body is the tarball itself: {@code curl --data-binary @app.tgz -H 'Content-Type: application/octet-stream'}. */
    @PostMapping(path = "/apps/{app}/builds", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    BuildView build(@PathVariable String app, @RequestParam String version, @RequestBody byte[] tarball) {
        return BuildView.of(jobs.buildFromTarball(app, tarball, version));
    }

    @PostMapping("/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    PromotionView promote(@RequestBody Promote request) {
        return PromotionView.of(jobs.promote(request.pipeline(), request.staging(), request.production()));
    }

    @PostMapping("/apps/{app}/addons")
    @ResponseStatus(HttpStatus.CREATED)
    AddOnView createAddOn(@PathVariable String app, @RequestBody CreateAddOn request) {
        return AddOnView.of(jobs.createAddOn(app, request.plan()));
    }

    @PostMapping("/apps/{app}/domains")
    @ResponseStatus(HttpStatus.CREATED)
    DomainView addDomain(@PathVariable String app, @RequestBody AddDomain request) {
        return DomainView.of(jobs.addDomain(app, request.hostname()));
    }

    @GetMapping("/rate-limit")
    HerokuJobs.Quota rateLimit() {
        return jobs.rateLimit();
    }

    @GetMapping("/apps/{app}/logs")
    List<String> logs(@PathVariable String app, @RequestParam(defaultValue = "100") int lines) {
        return jobs.logs(app, lines);
    }

}
