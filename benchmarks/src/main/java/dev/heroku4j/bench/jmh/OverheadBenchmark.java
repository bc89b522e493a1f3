package dev.heroku4j.bench.jmh;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.api.AppApi;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.webclient.HerokuApiClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Figure 1b (diagnosis, not a target): the same call with one heroku4j layer at a time, built from the public
 * pieces without editing heroku-client, so the gap to the floor can be attributed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class OverheadBenchmark {

    AppApi generatedOnly;
    WebClient herokuWebClient;
    HerokuClient noRetry;
    Floor floorHerokuConnector;

    @Setup(Level.Trial)
    public void setUp() {
        String url = Clients.baseUrl();
        WebClient plain = WebClient.builder()
                .codecs(c -> HerokuJson.registerCodecs(c, HerokuJson.mapper(), HerokuJson.DEFAULT_MAX_IN_MEMORY_SIZE))
                .defaultHeaders(h -> {
                    h.setBearerAuth(Clients.API_KEY);
                    h.setAccept(java.util.List.of(MediaType.parseMediaType("application/vnd.heroku+json; version=3")));
                })
                .build();
        generatedOnly = new AppApi(new HerokuApiClient(plain, URI.create(url)));
        herokuWebClient = Clients.heroku4j(url).webClient();
        noRetry = HerokuClient.builder().apiKey(Clients.API_KEY).baseUrl(url).retry(RetrySettings.disabled()).build();
        floorHerokuConnector = new Floor(url, Clients.API_KEY, ReactorConnectors.connector(HttpTimeouts.DEFAULTS));
        AppInfoBenchmark.check(generatedOnly.appInfo("example").block().getName());
        AppInfoBenchmark.check(noRetry.app().appInfo("example").block().getName());
    }

    /** Generated AppApi through HerokuApiClient over a plain WebClient (Heroku codecs, no filters, default connector). */
    @Benchmark
    public App generatedWithoutFilters() {
        return generatedOnly.appInfo("example").block();
    }

    /** heroku4j's configured WebClient (all filters, its connector), called by hand into the generated App model. */
    @Benchmark
    public App filtersWithoutGenerated() {
        return herokuWebClient.get().uri("/apps/{app_id_or_name}", "example").retrieve().bodyToMono(App.class).block();
    }

    /** heroku4j as users call it, but with retry disabled (RetryFilter passes through). */
    @Benchmark
    public App heroku4jNoRetry() {
        return noRetry.app().appInfo("example").block();
    }

    /** The floor on heroku4j's connector (Reactor Netty with connect + response timeouts). */
    @Benchmark
    public Floor.AppRecord floorOnHerokuConnector() {
        return floorHerokuConnector.appInfo("example").block();
    }
}
