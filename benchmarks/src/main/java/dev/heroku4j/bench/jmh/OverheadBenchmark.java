package dev.heroku4j.bench.jmh;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.heroku4j.bench.BlockingFloor;
import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.retry.RetrySettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Figure 1b (diagnosis, not a target): the same call with one heroku4j layer at a time, built through heroku-client's
 * public builder (and {@link TrimmedWebClientBuilder} to leave its filters out) without editing it, so the gap to the
 * floor can be attributed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class OverheadBenchmark {

    ReactiveHerokuClient generatedOnly;
    WebClient herokuWebClient;
    String appUri;
    ReactiveHerokuClient noRetry;
    Floor floorHerokuConnector;
    BlockingFloor blockingFloorReactorNetty;

    @Setup(Level.Trial)
    public void setUp() {
        String url = Clients.baseUrl();
        appUri = url + "/apps/{app_id_or_name}";
        generatedOnly = generatedOnly(url);
        AtomicReference<WebClient> engineWebClient = new AtomicReference<>();
        ReactiveHerokuClient.builder().apiKey(Clients.API_KEY).baseUrl(url)
                .webClientBuilder(TrimmedWebClientBuilder.of(WebClient.builder(), Set.of(), engineWebClient))
                .build().prepare();
        herokuWebClient = engineWebClient.get();
        noRetry = ReactiveHerokuClient.builder().apiKey(Clients.API_KEY).baseUrl(url).retry(RetrySettings.disabled()).build();
        floorHerokuConnector = new Floor(url, Clients.API_KEY, ReactorConnectors.connector(HttpTimeouts.DEFAULTS));
        blockingFloorReactorNetty = new BlockingFloor(url, Clients.API_KEY, new ReactorClientHttpRequestFactory());
        AppInfoBenchmark.check(generatedWithoutFilters());
        AppInfoBenchmark.check(filtersWithoutGenerated());
        AppInfoBenchmark.check(heroku4jNoRetry());
        Floor.check(floorOnHerokuConnector());
        Floor.check(blockingFloorOnReactorNetty());
    }

    /**
     * The generated API on heroku4j's engine with none of its filters (the key as a default header instead of the
     * exchange filter's), on WebClient's default connector; also a contender of {@code ThroughputWorker}.
     */
    public static ReactiveHerokuClient generatedOnly(String url) {
        return ReactiveHerokuClient.builder().apiKey(Clients.API_KEY).baseUrl(url)
                .clientConnector(new ReactorClientHttpConnector())
                .webClientBuilder(TrimmedWebClientBuilder.of(
                        WebClient.builder().defaultHeaders(h -> h.setBearerAuth(Clients.API_KEY)),
                        TrimmedWebClientBuilder.ALL, new AtomicReference<>()))
                .build();
    }

    /** The generated ReactiveAppApi on heroku4j's engine with none of its filters, on WebClient's default connector. */
    @Benchmark
    public App generatedWithoutFilters() {
        return generatedOnly.app().appInfo("example").block();
    }

    /** The engine's API WebClient (all filters, its connector), called by hand into the generated App model. */
    @Benchmark
    public App filtersWithoutGenerated() {
        return herokuWebClient.get().uri(appUri, "example").retrieve().bodyToMono(App.class).block();
    }

    /** ReactiveHerokuClient as users call it, but with retry disabled (RetryFilter passes through). */
    @Benchmark
    public App heroku4jNoRetry() {
        return noRetry.app().appInfo("example").block();
    }

    /** The floor on heroku4j's connector (Reactor Netty with connect + response timeouts). */
    @Benchmark
    public Floor.AppRecord floorOnHerokuConnector() {
        return floorHerokuConnector.appInfo("example").block();
    }

    /** The blocking floor on Reactor Netty: what Boot's RestClient.Builder picks once heroku4j is on the classpath. */
    @Benchmark
    public Floor.AppRecord blockingFloorOnReactorNetty() {
        return blockingFloorReactorNetty.appInfo("example");
    }
}
