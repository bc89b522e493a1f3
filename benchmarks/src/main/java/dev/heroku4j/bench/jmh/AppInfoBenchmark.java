package dev.heroku4j.bench.jmh;

import java.util.concurrent.TimeUnit;

import dev.heroku4j.bench.BlockingFloor;
import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
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
 * Figure 1: one sequential app info call, as users make it, two pairs: {@code reactive} ({@code ReactiveHerokuClient}
 * + {@code block()}) next to {@code floor} (WebClient + {@code block()}), and {@code blocking} ({@code HerokuClient})
 * next to {@code blockingFloor} (RestClient on the JDK HttpClient). Forks, iterations and the server URL come from
 * {@code RunAll} (JMH Runner options); the CPU time per call comes from {@link CpuTimeProfiler}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AppInfoBenchmark {

    @State(Scope.Benchmark)
    public static class ReactiveState {
        ReactiveHerokuClient heroku;

        @Setup(Level.Trial)
        public void setUp() {
            heroku = Clients.reactive(Clients.baseUrl());
            check(heroku.app().appInfo("example").block());
        }
    }

    @State(Scope.Benchmark)
    public static class BlockingState {
        HerokuClient heroku;

        @Setup(Level.Trial)
        public void setUp() {
            heroku = Clients.blocking(Clients.baseUrl());
            check(heroku.app().appInfo("example"));
        }
    }

    @State(Scope.Benchmark)
    public static class FloorState {
        Floor floor;

        @Setup(Level.Trial)
        public void setUp() {
            floor = Clients.floor(Clients.baseUrl());
            Floor.check(floor.appInfo("example").block());
        }
    }

    @State(Scope.Benchmark)
    public static class BlockingFloorState {
        BlockingFloor floor;

        @Setup(Level.Trial)
        public void setUp() {
            floor = Clients.blockingFloor(Clients.baseUrl());
            Floor.check(floor.appInfo("example"));
        }
    }

    @Benchmark
    public App reactive(ReactiveState s) {
        return s.heroku.app().appInfo("example").block();
    }

    @Benchmark
    public Floor.AppRecord floor(FloorState s) {
        return s.floor.appInfo("example").block();
    }

    @Benchmark
    public App blocking(BlockingState s) {
        return s.heroku.app().appInfo("example");
    }

    @Benchmark
    public Floor.AppRecord blockingFloor(BlockingFloorState s) {
        return s.floor.appInfo("example");
    }

    static void check(App app) {
        if (app == null || !"example".equals(app.getName())) {
            throw new IllegalStateException("unexpected app " + app);
        }
    }
}
