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

/**
 * The JSON endpoints. Only HTTP here; every Heroku call is in {@link HerokuService}. The page's reads go through
 * {@link PageCache}, which each change made here empties.
 */
@RestController
@RequestMapping(path = "/apps", produces = MediaType.APPLICATION_JSON_VALUE)
class AppsController {

    private final HerokuService heroku;

    private final LogTails logTails;

    private final PageCache cache;

    AppsController(HerokuService heroku, LogTails logTails, PageCache cache) {
        this.heroku = heroku;
        this.logTails = logTails;
        this.cache = cache;
    }

    @GetMapping
    List<AppSummary> apps() {
        return cache.get("apps", heroku::apps);
    }

    @GetMapping("/{name}")
    AppDetails app(@PathVariable String name) {
        return cache.get("app " + name, () -> heroku.app(name));
    }

    @PostMapping("/{name}/scale")
    ProcessFormation scale(@PathVariable String name, @RequestBody ScaleRequest request) {
        try {
            return heroku.scale(name, request.type(), request.wholeQuantity());
        }
        finally {
            cache.forget();
        }
    }

    /** {@code {"GREETING": "hello", "OLD_SETTING": null}}: sets GREETING, unsets OLD_SETTING. */
    @PatchMapping("/{name}/config-vars")
    ConfigVarsChanged configVars(@PathVariable String name, @RequestBody Map<String, @Nullable String> changes) {
        try {
            return heroku.updateConfigVars(name, changes);
        }
        finally {
            cache.forget();
        }
    }

    @PostMapping("/{name}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RestartAccepted restart(@PathVariable String name) {
        try {
            return heroku.restart(name);
        }
        finally {
            cache.forget();
        }
    }

    /** Deploys the bundled app to this app and answers the steps, the build output and the new release. */
    @PostMapping("/{name}/deploy")
    Deployed deploy(@PathVariable String name) {
        try {
            return heroku.deploy(name);
        }
        finally {
            cache.forget();
        }
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
