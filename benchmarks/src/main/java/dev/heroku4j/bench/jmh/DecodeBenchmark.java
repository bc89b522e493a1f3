package dev.heroku4j.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.heroku4j.bench.Floor;
import dev.heroku4j.bench.server.Fixtures;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.model.App;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectReader;

/**
 * Diagnosis for figure 2 (not part of {@code run.sh}): Jackson decoding alone, no HTTP. The loopback server's app
 * body into heroku4j's generated {@link App} (its fields set one by one by Jackson, {@link HerokuJson}'s mapper) and
 * into the floor's {@link Floor.AppRecord} (one constructor call, the floor's mapper). Run by hand:
 * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main DecodeBenchmark -f 3 -wi 5 -i 5 -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class DecodeBenchmark {

    private final byte[] body = Fixtures.app(0).getBytes(StandardCharsets.UTF_8);

    private final ObjectReader generated = HerokuJson.mapper().readerFor(App.class);

    private final ObjectReader record = Floor.mapper().readerFor(Floor.AppRecord.class);

    @Benchmark
    public App generatedModel() {
        return generated.readValue(body);
    }

    @Benchmark
    public Floor.AppRecord floorRecord() {
        return record.readValue(body);
    }
}
