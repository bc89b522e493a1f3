package dev.heroku4j.bench.jmh;

import java.util.concurrent.TimeUnit;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.client.HerokuClient;
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
 * Figure 1: one sequential app info call, as users make it. Forks, iterations and the server URL come from
 * {@code RunAll} (JMH Runner options); the CPU time per call comes from {@link CpuTimeProfiler}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AppInfoBenchmark {

    @State(Scope.Benchmark)
    public static class Heroku4j {
        HerokuClient heroku;

        @Setup(Level.Trial)
        public void setUp() {
            heroku = Clients.heroku4j(Clients.baseUrl());
            check(heroku.app().appInfo("example").block().getName());
        }
    }

    @State(Scope.Benchmark)
    public static class FloorState {
        Floor floor;

        @Setup(Level.Trial)
        public void setUp() {
            floor = Clients.floor(Clients.baseUrl());
            check(floor.appInfo("example").block().name());
        }
    }

    @Benchmark
    public App heroku4j(Heroku4j s) {
        return s.heroku.app().appInfo("example").block();
    }

    @Benchmark
    public Floor.AppRecord floor(FloorState s) {
        return s.floor.appInfo("example").block();
    }

    static void check(String name) {
        if (!"example".equals(name)) {
            throw new IllegalStateException("unexpected app name " + name);
        }
    }
}
