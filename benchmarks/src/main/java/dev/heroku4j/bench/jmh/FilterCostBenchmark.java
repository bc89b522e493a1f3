package dev.heroku4j.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.client.api.AppApi;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.invoker.ApiClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.webclient.HerokuApiClient;
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
 * filters left out ({@code none} = all of them), built from {@link HerokuWebClientConfigurer#filters()} exactly as
 * the configurer installs them, called through {@link HerokuApiClient} as {@code HerokuClient} does. The allocation
 * difference to {@code none} is what that filter costs per call. {@code generatedApiClient}: all filters, but the
 * generated {@link ApiClient} instead of {@code HerokuApiClient}, to show what the latter saves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FilterCostBenchmark {

    @Param({"none", "PathSafetyFilter", "RetryFilter", "HerokuHeadersFilter", "HerokuErrorFilter",
            "RequestLoggingFilter", "RateLimitFilter", "HerokuWarningFilter", "allFilters", "generatedApiClient"})
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
                .toList();
        WebClient.Builder builder = WebClient.builder()
                .baseUrl(url)
                .clientConnector(ReactorConnectors.connector(options.timeouts()))
                .codecs(c -> HerokuJson.registerCodecs(c, options.jsonMapper(), options.maxInMemorySize()))
                .filters(f -> f.addAll(filters));
        if (without.equals("HerokuHeadersFilter") || without.equals("allFilters")) {
            builder.defaultHeaders(h -> h.setBearerAuth(Clients.API_KEY)); // the headers filter also sends the key
        }
        WebClient webClient = builder.build();
        api = new AppApi(without.equals("generatedApiClient") ? new ApiClient(webClient).setBasePath(url)
                : new HerokuApiClient(webClient, options.baseUrl()));
        AppInfoBenchmark.check(api.appInfo("example").block().getName());
    }

    @Benchmark
    public App appInfo() {
        return api.appInfo("example").block();
    }
}
