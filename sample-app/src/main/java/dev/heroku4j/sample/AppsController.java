package dev.heroku4j.sample;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The JSON endpoints. Only HTTP here; every Heroku call is in {@link HerokuService}. */
@RestController
@RequestMapping(path = "/apps", produces = MediaType.APPLICATION_JSON_VALUE)
class AppsController {

    private final HerokuService heroku;

    AppsController(HerokuService heroku) {
        this.heroku = heroku;
    }

    @GetMapping
    Flux<AppSummary> apps() {
        return heroku.apps();
    }

    @GetMapping("/{name}")
    Mono<AppDetails> app(@PathVariable String name) {
        return heroku.app(name);
    }

    @PostMapping("/{name}/scale")
    Mono<ProcessFormation> scale(@PathVariable String name, @RequestBody ScaleRequest request) {
        return heroku.scale(name, request.type(), request.quantity());
    }

    /** {@code {"GREETING": "hello", "OLD_SETTING": null}}: sets GREETING, unsets OLD_SETTING. */
    @PatchMapping("/{name}/config-vars")
    Mono<ConfigVarsChanged> configVars(@PathVariable String name,
            @RequestBody Map<String, @Nullable String> changes) {
        return heroku.updateConfigVars(name, changes);
    }

    @PostMapping("/{name}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RestartAccepted> restart(@PathVariable String name) {
        return heroku.restart(name);
    }

    /**
     * The app's log as Server-Sent Events: {@code event: log} per line, then {@code event: end} when Heroku closes
     * the stream (so a browser's {@code EventSource} can stop instead of reconnecting).
     */
    @GetMapping(path = "/{name}/logs", produces = { MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE })
    Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> logs(@PathVariable String name,
            @RequestParam(defaultValue = "100") int lines) {
        return heroku.tailLogs(name, lines)
            .map(stream -> ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(stream.map(line -> ServerSentEvent.builder(line).event("log").build())
                    .concatWith(Mono.just(ServerSentEvent.builder("").event("end").build()))));
    }

}
