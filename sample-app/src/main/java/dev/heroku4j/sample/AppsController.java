package dev.heroku4j.sample;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The JSON endpoints. Only HTTP here; every Heroku call is in {@link HerokuService}. */
@RestController
@RequestMapping(path = "/apps", produces = MediaType.APPLICATION_JSON_VALUE)
class AppsController {

    private final HerokuService heroku;

    private final LogTails logTails;

    AppsController(HerokuService heroku, LogTails logTails) {
        this.heroku = heroku;
        this.logTails = logTails;
    }

    @GetMapping
    List<AppSummary> apps() {
        return heroku.apps();
    }

    @GetMapping("/{name}")
    AppDetails app(@PathVariable String name) {
        return heroku.app(name);
    }

    @PostMapping("/{name}/scale")
    ProcessFormation scale(@PathVariable String name, @RequestBody ScaleRequest request) {
        return heroku.scale(name, request.type(), request.wholeQuantity());
    }

    /** {@code {"GREETING": "hello", "OLD_SETTING": null}}: sets GREETING, unsets OLD_SETTING. */
    @PatchMapping("/{name}/config-vars")
    ConfigVarsChanged configVars(@PathVariable String name, @RequestBody Map<String, @Nullable String> changes) {
        return heroku.updateConfigVars(name, changes);
    }

    @PostMapping("/{name}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RestartAccepted restart(@PathVariable String name) {
        return heroku.restart(name);
    }

    /** Deploys the bundled app to this app and answers the steps, the build output and the new release. */
    @PostMapping("/{name}/deploy")
    Deployed deploy(@PathVariable String name) {
        return heroku.deploy(name);
    }

    /**
     * The app's log as Server-Sent Events ({@link LogTails}). The log session is opened here, on the request
     * thread, so an unknown app is a 404 problem before the event stream starts.
     */
    @GetMapping(path = "/{name}/logs", produces = { MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE })
    SseEmitter logs(@PathVariable String name, @RequestParam(defaultValue = "100") int lines) {
        return logTails.send(heroku.tailLogs(name, lines));
    }

}
