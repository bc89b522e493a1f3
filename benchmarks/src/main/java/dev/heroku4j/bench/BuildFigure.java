package dev.heroku4j.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 5: the converter command and the generated client's compile time.
 * Part of {@link RunAll}'s run: its settings, server and verdicts.
 */
final class BuildFigure {

    private final RunAll run;

    BuildFigure(RunAll run) {
        this.run = run;
    }

    String figure5() throws Exception {
        Path cpFile = run.bench.resolve("target/converter.classpath");
        String convCp = run.root.resolve("schema-converter/target/classes") + File.pathSeparator + Files.readString(cpFile).trim();
        Path schemas = run.root.resolve("../shared/heroku-schema").normalize();
        String a = run.root.relativize(run.root.resolve("../shared/heroku-schema/platform-api.json")).toString();
        String b = run.root.relativize(run.root.resolve("../shared/heroku-schema/platform-api-3.sdk.json")).toString();
        Path x = Path.of("/tmp/heroku4j-bench-x.yaml");
        Path y = Path.of("/tmp/heroku4j-bench-y.yaml");
        RunAll.log("figure 5: converter × %d, compile × %d", run.converterRuns, run.compileRuns);
        List<Double> cli = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < run.converterRuns; i++) {
            Files.deleteIfExists(x);
            long t0 = System.nanoTime();
            Proc p = Proc.start("converter-cli", run.logs, null, List.of(run.javaBin, "-cp", convCp, "dev.heroku4j.converter.ConverterCli",
                    "--schema", a, "--schema", b, "--out", x.toString()));
            int code = p.waitFor(120);
            cli.add((System.nanoTime() - t0) / 1e6);
            if (code != 0) {
                throw new IllegalStateException("converter exited " + code + "; see " + run.logs);
            }
            Files.deleteIfExists(y);
            Proc q = Proc.start("converter-timing", run.logs, null, List.of(run.javaBin, "-cp",
                    convCp + File.pathSeparator + run.bench.resolve("target/classes"), "dev.heroku4j.bench.build.ConverterTiming",
                    a, b, y.toString()));
            String[] r = q.expect("RESULT", 120).split(" ");
            q.waitFor(30);
            cold.add(Double.parseDouble(r[1]));
            warm.add(Double.parseDouble(r[2]));
        }
        List<Double> compile = new ArrayList<>();
        for (int i = 0; i < run.compileRuns; i++) {
            RunAll.log("  mvn -B -o -pl heroku-client clean compile (%d of %d)", i + 1, run.compileRuns);
            long t0 = System.nanoTime();
            Proc p = Proc.start("mvn-compile", run.logs, null, List.of("mvn", "-B", "-o", "-pl", "heroku-client", "clean", "compile"));
            int code = p.waitFor(600);
            compile.add((System.nanoTime() - t0) / 1e9);
            if (code != 0) {
                throw new IllegalStateException("mvn exited " + code + "; see " + run.logs.resolve("mvn-compile.log"));
            }
        }
        Stats cliS = run.check("5 converter command", Stats.of(cli));
        StringBuilder s = new StringBuilder("## 5. Build\n\n");
        s.append("Converter on both schemas (").append(schemas).append("), ").append(run.converterRuns)
                .append(" runs each, output file deleted before each run:\n\n");
        s.append("- command: `java -cp <schema-converter classes + its dependencies> dev.heroku4j.converter.ConverterCli "
                + "--schema ").append(a).append(" --schema ").append(b).append(" --out /tmp/x.yaml` (wall time, JVM start included);\n");
        s.append("- in-JVM: `new SchemaConverter().schema(a).schema(b).convert()` + writing the YAML, timed inside a "
                + "fresh JVM (`ConverterTiming`), first conversion (cold) and a second one in the same JVM (warm).\n\n");
        s.append("Generation + compilation: `mvn -B -o -pl heroku-client clean compile` from the repository root, ")
                .append(run.compileRuns).append(" runs (wall time; includes Maven's own start; the converter runs inside it "
                        + "through exec-maven-plugin, then OpenAPI Generator, then javac).\n\n");
        s.append("| step | time |\n|---|---|\n");
        s.append("| converter command, wall | ").append(cliS.fmt("%.0f")).append(" ms |\n");
        s.append("| converter in-JVM, cold | ").append(run.check("5 converter cold", Stats.of(cold)).fmt("%.0f")).append(" ms |\n");
        s.append("| converter in-JVM, warm (2nd run) | ").append(run.check("5 converter warm", Stats.of(warm)).fmt("%.0f")).append(" ms |\n");
        s.append("| `mvn -B -o -pl heroku-client clean compile` | ").append(run.check("5 compile", Stats.of(compile)).fmt("%.1f")).append(" s |\n\n");
        run.verdicts.put("5. converter command < 3 s", RunAll.verdict(cliS.median() < 3000, Stats.f("%.2f s median", cliS.median() / 1000)
                + Stats.f(" (max %.2f s)", cliS.max() / 1000)));
        return s.toString();
    }
}
