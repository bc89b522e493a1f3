package dev.heroku4j.bench.jmh;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.App;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Figure 1c (diagnosis, run with {@code --only 1c}): the generated {@code appInfo} on heroku4j's own engine with ONE
 * of the filters it installs left out ({@code none} = all of them; {@code allFilters} = none of them), through
 * {@link TrimmedWebClientBuilder}. The allocation difference to {@code none} is what that filter costs per call. With
 * the throttle off the engine installs three: {@code PathSafetyFilter}, {@code RetryFilter} and
 * {@code HerokuExchangeFilter} (headers and key, warnings, rate-limit reading, request log, error mapping: everything
 * per attempt that does not wait).
 * {@code HerokuClient}: all filters, called through the blocking client, so the difference to {@code none} is what
 * the blocking wrapper (thread check, call timeout) adds to {@code ReactiveHerokuClient} + {@code block()}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FilterCostBenchmark {

    @Param({"none", "PathSafetyFilter", "RetryFilter", "HerokuExchangeFilter", "allFilters", "HerokuClient"})
    public String without;

    Supplier<App> call;

    @Setup(Level.Trial)
    public void setUp() {
        Set<String> leftOut = switch (without) {
            case "none", "HerokuClient" -> Set.of();
            case "allFilters" -> TrimmedWebClientBuilder.ALL;
            default -> Set.of(without);
        };
        WebClient.Builder start = WebClient.builder();
        if (without.equals("HerokuExchangeFilter") || without.equals("allFilters")) {
            start.defaultHeaders(h -> h.setBearerAuth(Clients.API_KEY)); // the exchange filter also sends the key
        }
        HerokuClientBuilder<ReactiveHerokuClient> builder = ReactiveHerokuClient.builder().apiKey(Clients.API_KEY)
                .baseUrl(Clients.baseUrl())
                .rateLimitThrottle(false)                // the three filters; figure 7 measures the throttle
                .webClientBuilder(TrimmedWebClientBuilder.of(start, leftOut, new AtomicReference<>()));
        ReactiveHerokuClient reactive = builder.build();
        if (without.equals("HerokuClient")) {
            var blocking = reactive.blocking();
            call = () -> blocking.app().appInfo("example");
        } else {
            call = () -> reactive.app().appInfo("example").block();
        }
        AppInfoBenchmark.check(call.get());
    }

    @Benchmark
    public App appInfo() {
        return call.get();
    }
}
