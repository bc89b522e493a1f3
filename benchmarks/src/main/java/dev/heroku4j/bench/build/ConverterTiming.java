package dev.heroku4j.bench.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.heroku4j.converter.SchemaConverter;

/**
 * Figure 5: the conversion of both schemas inside one fresh JVM, timed from before the first converter class is used
 * to the written file ({@code cold}), then once more in the same JVM ({@code warm}). Run on the converter's own
 * classpath. Prints {@code RESULT coldMillis warmMillis}.
 */
public final class ConverterTiming {

    public static void main(String[] args) throws Exception {
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        Path out = Path.of(args[2]);
        double cold = convert(a, b, out);
        double warm = convert(a, b, out);
        System.out.println("RESULT " + cold + " " + warm);
    }

    private static double convert(Path a, Path b, Path out) throws Exception {
        long t0 = System.nanoTime();
        SchemaConverter.Result result = new SchemaConverter().schema(a).schema(b).convert();
        Files.writeString(out, result.yaml(), StandardCharsets.UTF_8);
        return (System.nanoTime() - t0) / 1e6;
    }
}
