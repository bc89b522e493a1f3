package dev.heroku4j.bench.jmh;

import java.util.concurrent.TimeUnit;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.http.HttpConnectors;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.model.App;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 6b: one sequential {@code HerokuClient} app info call on each of the engine's two default connectors:
 * Reactor Netty (a WebFlux application's, and heroku4j's when Reactor Netty is on the classpath) and the JDK's
 * HttpClient (a Spring MVC application's: {@link HttpConnectors#jdk}). Everything else is the same client.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectorBenchmark {

    @State(Scope.Benchmark)
    public static class ReactorNettyState {
        HerokuClient heroku;

        @Setup(Level.Trial)
        public void setUp() {
            if (!HttpConnectors.reactorNettyPresent()) {
                throw new IllegalStateException("Reactor Netty is not on this classpath");
            }
            heroku = Clients.blocking(Clients.baseUrl()); // the default: Reactor Netty when present
            AppInfoBenchmark.check(heroku.app().appInfo("example"));
        }
    }

    @State(Scope.Benchmark)
    public static class JdkState {
        HerokuClient heroku;

        @Setup(Level.Trial)
        public void setUp() {
            heroku = HerokuClient.builder().apiKey(Clients.API_KEY).baseUrl(Clients.baseUrl())
                    .clientConnector(HttpConnectors.jdk(HttpTimeouts.DEFAULTS)).build();
            AppInfoBenchmark.check(heroku.app().appInfo("example"));
        }
    }

    @Benchmark
    public App reactorNetty(ReactorNettyState s) {
        return s.heroku.app().appInfo("example");
    }

    @Benchmark
    public App jdk(JdkState s) {
        return s.heroku.app().appInfo("example");
    }
}
