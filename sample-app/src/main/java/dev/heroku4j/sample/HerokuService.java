package dev.heroku4j.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.deploy.DeployListener;
import dev.heroku4j.client.deploy.DeployOptions;
import dev.heroku4j.client.deploy.Deployment;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.model.LogSession;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.streaming.StreamOptions;

/**
 * Everything the sample asks Heroku, in one place: the controllers only translate HTTP. Blocking, on the request's
 * servlet thread, through the injected {@link HerokuClient}; a call that answers one value waits at most
 * {@code heroku.call-timeout}, and each request to Heroku at most {@code heroku.response-timeout}.
 * Heroku errors come out as the client's {@code HerokuApiException}s and are turned into HTTP answers by
 * {@link HerokuErrorHandler}.
 */
@Service
public class HerokuService {

    /** Releases shown for one app. */
    static final int RECENT_RELEASES = 5;

    /** Log lines Heroku sends from before the tail starts; Heroku allows up to 1500. */
    static final int MAX_LOG_LINES = 1500;

    /**
     * Most dynos the sample asks for in one process type: Heroku's default limit of 100 dynos an app, across all
     * process types (devcenter.heroku.com/articles/dyno-scaling-and-process-limits; Eco and Basic apps get one a
     * process type, Performance, Private and Shield ten, and Heroku refuses those itself with 422). Heroku raises the
     * limit on request; change this then.
     */
    static final int MAX_QUANTITY = 100;

    /**
     * How a tail reconnects after a break: resumed at once, twice at most in a row without a new line, then the
     * browser is told (an {@code error} event) and may open the tail again; a person is watching.
     */
    static final StreamOptions LOG_STREAM = StreamOptions.defaults().maxReconnects(2)
        .pauses(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(200));

    /** The longest the deploy action waits, build and release phase included. */
    static final java.time.Duration DEPLOY_DEADLINE = java.time.Duration.ofMinutes(20);

    /** Apps a page when listing them all; the list follows {@code Next-Range} to the last page. */
    static final int APPS_PAGE_SIZE = 100;

    private final HerokuClient heroku;

    public HerokuService(HerokuClient heroku) {
        this.heroku = heroku;
    }

    /**
     * Every app of the account by name, each with its formation and latest release. One request a page of apps,
     * then two an app, one after the other.
     */
    public List<AppSummary> apps() {
        try (Stream<App> apps = heroku.app().appList(Range.by("name").withMax(APPS_PAGE_SIZE)).stream()) {
            return apps.map(this::summary).toList();
        }
    }

    /** One app by name or id, with its dynos, recent releases and config var names. */
    public AppDetails app(String name) {
        App app = heroku.app().appInfo(name);
        return new AppDetails(summary(app), dynos(app.getName()), releases(app.getName(), RECENT_RELEASES),
                sortedKeys(heroku.configVar().configVarInfoForApp(app.getName())));
    }

    /** Sets the number of dynos of one process type ({@code web}, {@code worker}, ...). */
    public ProcessFormation scale(String app, @Nullable String type, @Nullable Long quantity) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("'type' is required, e.g. {\"type\": \"web\", \"quantity\": 2}");
        }
        if (quantity == null) {
            throw new IllegalArgumentException("'quantity' is required: a whole number from 0 to " + MAX_QUANTITY
                    + ", e.g. {\"type\": \"web\", \"quantity\": 2}");
        }
        if (quantity < 0 || quantity > MAX_QUANTITY) {
            throw quantityOutOfRange(quantity);
        }
        return ProcessFormation.of(heroku.formation()
            .formationUpdate(app, type.strip(), new FormationUpdateOpts().quantity(quantity)));
    }

    static IllegalArgumentException quantityOutOfRange(Number quantity) {
        return new IllegalArgumentException("'quantity' must be between 0 and " + MAX_QUANTITY
                + " (Heroku's default limit of dynos an app), not " + quantity);
    }

    /** Sets the given config vars; a {@code null} value unsets that key. Makes one new release. */
    public ConfigVarsChanged updateConfigVars(String app, Map<String, @Nullable String> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no config vars given, e.g. {\"GREETING\": \"hello\", \"OLD\": null}");
        }
        List<String> set = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        new TreeMap<>(changes).forEach((key, value) -> (value == null ? unset : set).add(key));
        Map<String, String> now = heroku.configVar().configVarUpdate(app, changes);
        return new ConfigVarsChanged(app, set, unset, sortedKeys(now));
    }

    /** Restarts every dyno of the app. */
    public RestartAccepted restart(String app) {
        heroku.dyno().dynoRestartAll(app);
        return new RestartAccepted(app, "all dynos");
    }

    /**
     * Deploys the bundled app ({@link BundledApp}) to {@code app}: upload, build, its output, the release (release
     * phase included), waited for within {@link #DEPLOY_DEADLINE}. Blocks the request thread meanwhile: a small
     * app builds in a minute or two on Heroku, at once on the simulator.
     */
    public Deployed deploy(String app) {
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeployListener listener = new DeployListener() {
            @Override
            public void onStep(Deployment deployment) {
                steps.add(deployment.step().name());
            }

            @Override
            public void onOutput(String line) {
                output.add(line);
            }
        };
        Release release = heroku.deploys().deploy(app, BundledApp.source(),
            DeployOptions.defaults().deadline(DEPLOY_DEADLINE).listener(listener).version("sample bundled app"));
        return new Deployed(app, List.copyOf(steps), List.copyOf(output), ReleaseSummary.of(release));
    }

    /**
     * Opens a tailing log session and returns its lines as they come. An unknown app fails here, before anything
     * is streamed. The stream blocks while Heroku sends nothing; close it to stop the tail (see {@link LogTails}).
     */
    public Stream<String> tailLogs(String app, int lines) {
        if (lines < 0 || lines > MAX_LOG_LINES) {
            throw new IllegalArgumentException("'lines' must be between 0 and " + MAX_LOG_LINES);
        }
        LogSession session = heroku.logSession()
            .logSessionCreate(app, new LogSessionCreateOpts().tail(true).lines(lines));
        return heroku.lines(session.getLogplexUrl(), LOG_STREAM);
    }

    private AppSummary summary(App app) {
        ReleaseSummary latest = heroku.release().releaseList(app.getName(), Range.latest("version", 1)).first()
            .map(ReleaseSummary::of)
            .orElse(null);
        return AppSummary.of(app, formation(app.getName()), latest);
    }

    private List<ProcessFormation> formation(String app) {
        return heroku.formation().formationList(app).toList().stream()
            .map(ProcessFormation::of)
            .sorted(Comparator.comparing(ProcessFormation::type))
            .toList();
    }

    private List<DynoState> dynos(String app) {
        return heroku.dyno().dynoList(app).toList().stream()
            .map(DynoState::of)
            .sorted(Comparator.comparing(DynoState::name))
            .toList();
    }

    /** Newest first; the stream stops paging at {@code count}, so this costs one request. */
    private List<ReleaseSummary> releases(String app, int count) {
        try (Stream<ReleaseSummary> releases = heroku.release().releaseList(app, Range.latest("version", count))
            .stream()
            .limit(count)
            .map(ReleaseSummary::of)) {
            return releases.toList();
        }
    }

    private static List<String> sortedKeys(Map<String, ?> configVars) {
        return configVars.keySet().stream().sorted().toList();
    }

}
