package dev.heroku4j.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.paging.Range;

/**
 * Everything the sample asks Heroku, in one place: the controllers only translate HTTP. Reactive all the way; Heroku
 * errors come out as the client's {@code HerokuApiException}s and are turned into HTTP answers by
 * {@link HerokuErrorHandler}.
 */
@Service
public class HerokuService {

    /** Apps whose formation and latest release are fetched at the same time. */
    private static final int CONCURRENCY = 4;

    /** Releases shown for one app. */
    static final int RECENT_RELEASES = 5;

    /** Log lines Heroku sends from before the tail starts; Heroku allows up to 1500. */
    static final int MAX_LOG_LINES = 1500;

    private final HerokuClient heroku;

    public HerokuService(HerokuClient heroku) {
        this.heroku = heroku;
    }

    /** Every app of the account by name, page after page, each with its formation and latest release. */
    public Flux<AppSummary> apps() {
        return heroku.list(heroku.app()::appListWithHttpInfo, Range.by("name").withMax(100))
            .flatMapSequential(this::summary, CONCURRENCY);
    }

    /** One app by name or id, with its dynos, recent releases and config var names. */
    public Mono<AppDetails> app(String name) {
        return heroku.app().appInfo(name).flatMap(app -> Mono.zip(summary(app), dynos(app.getName()),
                releases(app.getName(), RECENT_RELEASES).collectList(),
                heroku.configVar().configVarInfoForApp(app.getName()))
            .map(t -> new AppDetails(t.getT1(), t.getT2(), t.getT3(), sortedKeys(t.getT4()))));
    }

    /** Sets the number of dynos of one process type ({@code web}, {@code worker}, ...). */
    public Mono<ProcessFormation> scale(String app, @Nullable String type, @Nullable Integer quantity) {
        if (type == null || type.isBlank()) {
            return Mono.error(new IllegalArgumentException("'type' is required, e.g. {\"type\": \"web\", \"quantity\": 2}"));
        }
        if (quantity == null || quantity < 0) {
            return Mono.error(new IllegalArgumentException("'quantity' must be a whole number of 0 or more"));
        }
        return heroku.formation()
            .formationUpdate(app, type.strip(), new FormationUpdateOpts().quantity(quantity.longValue()))
            .map(ProcessFormation::of);
    }

    /** Sets the given config vars; a {@code null} value unsets that key. Makes one new release. */
    public Mono<ConfigVarsChanged> updateConfigVars(String app, Map<String, @Nullable String> changes) {
        if (changes.isEmpty()) {
            return Mono.error(new IllegalArgumentException("no config vars given, e.g. {\"GREETING\": \"hello\", \"OLD\": null}"));
        }
        List<String> set = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        new TreeMap<>(changes).forEach((key, value) -> (value == null ? unset : set).add(key));
        return heroku.configVar().configVarUpdate(app, changes)
            .map(now -> new ConfigVarsChanged(app, set, unset, sortedKeys(now)));
    }

    /** Restarts every dyno of the app. */
    public Mono<RestartAccepted> restart(String app) {
        return heroku.dyno().dynoRestartAll(app).then(Mono.fromSupplier(() -> new RestartAccepted(app, "all dynos")));
    }

    /**
     * Opens a tailing log session: the {@code Mono} completes once Heroku has created it (an unknown app fails
     * here, before anything is streamed), and its {@code Flux} gives the lines as they come.
     */
    public Mono<Flux<String>> tailLogs(String app, int lines) {
        if (lines < 0 || lines > MAX_LOG_LINES) {
            return Mono.error(new IllegalArgumentException("'lines' must be between 0 and " + MAX_LOG_LINES));
        }
        return heroku.logSession()
            .logSessionCreate(app, new LogSessionCreateOpts().tail(true).lines((long) lines))
            .map(session -> heroku.lines(session.getLogplexUrl()));
    }

    private Mono<AppSummary> summary(App app) {
        return Mono.zip(formation(app.getName()), latestRelease(app.getName()))
            .map(t -> AppSummary.of(app, t.getT1(), t.getT2().orElse(null)));
    }

    private Mono<List<ProcessFormation>> formation(String app) {
        return heroku.list(range -> heroku.formation().formationListWithHttpInfo(app, range))
            .map(ProcessFormation::of)
            .sort(Comparator.comparing(ProcessFormation::type))
            .collectList();
    }

    private Mono<List<DynoState>> dynos(String app) {
        return heroku.list(range -> heroku.dyno().dynoListWithHttpInfo(app, range))
            .map(DynoState::of)
            .sort(Comparator.comparing(DynoState::name))
            .collectList();
    }

    private Mono<Optional<ReleaseSummary>> latestRelease(String app) {
        return releases(app, 1).next().map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Newest first; {@code take} stops paging, so this costs one request. */
    private Flux<ReleaseSummary> releases(String app, int count) {
        return heroku.list(range -> heroku.release().releaseListWithHttpInfo(app, range),
                Range.by("version").withMax(count).descending())
            .take(count)
            .map(ReleaseSummary::of);
    }

    private static List<String> sortedKeys(Map<String, ?> configVars) {
        return configVars.keySet().stream().sorted().toList();
    }

}
