package dev.heroku4j.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.proto.ProposedFilters;
import dev.heroku4j.client.api.AppApi;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.invoker.ApiClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.webclient.HerokuClientOptions;
import dev.heroku4j.client.webclient.HerokuWebClientConfigurer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Figure 1c (diagnosis, run with {@code --only 1c}): the generated call through heroku4j's WebClient with ONE of its
 * filters left out ({@code none} = all nine), built from {@link HerokuWebClientConfigurer#filters()} exactly as the
 * configurer installs them. The allocation difference to {@code none} is what that filter costs per call.
 * {@code proposedFixes}: all nine, with four replaced by the benchmark-only prototypes in {@link ProposedFilters};
 * {@code proposedX}: only that one replaced; {@code proposedMerged}: headers + bearer merged into one filter, plus the
 * retry and path prototypes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FilterCostBenchmark {

    @Param({"none", "PathSafetyFilter", "RetryFilter", "HerokuHeadersFilter", "BearerAuthFilter", "HerokuErrorFilter",
            "RequestLoggingFilter", "RateLimitFilter", "HerokuWarningFilter", "allFilters", "proposedFixes",
            "proposedHeaders", "proposedBearer", "proposedPath", "proposedMerged"})
    public String without;

    AppApi api;

    @Setup(Level.Trial)
    public void setUp() {
        String url = Clients.baseUrl();
        HerokuClientOptions options = HerokuClientOptions.builder().apiKey(Clients.API_KEY).baseUrl(url)
                .timeouts(HttpTimeouts.DEFAULTS).build();
        HerokuWebClientConfigurer configurer = new HerokuWebClientConfigurer(options);
        List<ExchangeFilterFunction> filters = configurer.filters().stream()
                .filter(f -> !without.equals("allFilters") && !f.getClass().getSimpleName().equals(without))
                .filter(f -> !(without.equals("proposedMerged") && f.getClass().getSimpleName().equals("BearerAuthFilter")))
                .map(f -> replace(f, options))
                .toList();
        WebClient.Builder builder = WebClient.builder()
                .baseUrl(url)
                .clientConnector(ReactorConnectors.connector(options.timeouts()))
                .codecs(c -> HerokuJson.registerCodecs(c, options.jsonMapper(), options.maxInMemorySize()))
                .filters(f -> f.addAll(filters));
        if (without.equals("BearerAuthFilter") || without.equals("allFilters")) {
            builder.defaultHeaders(h -> h.setBearerAuth(Clients.API_KEY));
        }
        api = new AppApi(new ApiClient(builder.build()).setBasePath(url));
        AppInfoBenchmark.check(api.appInfo("example").block().getName());
    }

    private ExchangeFilterFunction replace(ExchangeFilterFunction f, HerokuClientOptions options) {
        String name = f.getClass().getSimpleName();
        return switch (without) {
            case "proposedFixes" -> proposed(f, options);
            case "proposedHeaders" -> name.equals("HerokuHeadersFilter") ? proposed(f, options) : f;
            case "proposedBearer" -> name.equals("BearerAuthFilter") ? proposed(f, options) : f;
            case "proposedPath" -> name.equals("PathSafetyFilter") ? proposed(f, options) : f;
            case "proposedMerged" -> name.equals("HerokuHeadersFilter")
                    ? new ProposedFilters.HeadersAndBearer(options.userAgent(), options.defaultVariant(), options.apiKeys(),
                    options.baseUrl())
                    : name.equals("PathSafetyFilter") ? proposed(f, options) : f;
            default -> f;
        };
    }

    /**
     * The benchmark-only prototypes of the proposed fixes in place of the filters they change. (The retry fix was
     * adopted: RetryFilter itself builds its backoff only after a failure.)
     */
    static ExchangeFilterFunction proposed(ExchangeFilterFunction f, HerokuClientOptions options) {
        return switch (f.getClass().getSimpleName()) {
            case "HerokuHeadersFilter" -> new ProposedFilters.Headers(options.userAgent(), options.defaultVariant());
            case "BearerAuthFilter" -> new ProposedFilters.Bearer(options.apiKeys(), options.baseUrl());
            case "PathSafetyFilter" -> new ProposedFilters.PathSafety();
            default -> f;
        };
    }

    @Benchmark
    public App appInfo() {
        return api.appInfo("example").block();
    }
}
