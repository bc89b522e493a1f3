package dev.heroku4j.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.heroku4j.bench.jmh.AppInfoBenchmark;
import dev.heroku4j.bench.jmh.ConnectorBenchmark;
import dev.heroku4j.bench.jmh.CpuTimeProfiler;
import dev.heroku4j.bench.jmh.FilterCostBenchmark;
import dev.heroku4j.bench.jmh.OverheadBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every figure against one loopback server and rewrites {@code benchmarks/RESULTS.md}. Started by
 * {@code benchmarks/run.sh} from the repository root; see {@code benchmarks/README.md}.
 * <pre>
 *   RunAll [--quick] [--only 1,1c,2,3,4,5,6,7,8] [--out FILE]
 * </pre>
 * The default is figures 1-6 into benchmarks/RESULTS.md; {@code --quick} or {@code --only} write under
 * benchmarks/target instead. {@code 1c} (per-filter cost) is a diagnosis that is not in the default run.
 * <pre>
 * </pre>
 */
public final class RunAll {

    static final String KEY = Clients.API_KEY;

    // ---- settings (also written into RESULTS.md) ----
    final boolean quick;
    final int jmhForks;
    final int jmhWarmup;
    final int jmhIterations;
    final int rounds;
    final long rampMillis;
    final long measureMillis;
    final int[] concurrency = {1, 16, 256};
    final int pagingRuns;
    final int pages = 100;
    final String pagingXmx = "1g";
    final int startupRuns;
    final int converterRuns;
    final int compileRuns;
    final String workerHeap = "-Xmx512m";

    final Path root;
    final Path bench;
    final String javaBin;
    final String cp;
    final Path logs;
    final Set<String> only;
    final Path out;
    final StringBuilder md = new StringBuilder();
    final List<String> warnings = new ArrayList<>();
    final Map<String, String> verdicts = new LinkedHashMap<>();
    final List<String> serverLines = new ArrayList<>();
    final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Proc server;
    String url;
    long clkTck = 100;

    RunAll(String[] args) throws IOException {
        boolean q = false;
        Set<String> o = new TreeSet<>(List.of("1", "2", "3", "4", "5", "6"));
        Path outFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> q = true;
                case "--only" -> o = new TreeSet<>(List.of(args[++i].split(",")));
                case "--out" -> outFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        quick = q;
        only = o;
        jmhForks = q ? 1 : 3;
        // On this 2-core machine the JIT needs 10-15 s of calls before a fork's latency stops falling (measured: 20
        // one-second iterations from a cold fork); measuring earlier would rank the warm-up curve, not the client.
        jmhWarmup = q ? 2 : 12;
        jmhIterations = q ? 2 : 5;
        rounds = q ? 1 : 3;
        rampMillis = q ? 300 : 500;
        measureMillis = q ? 700 : 1500;
        pagingRuns = q ? 1 : 3;
        startupRuns = q ? 2 : 10;
        converterRuns = q ? 1 : 5;
        compileRuns = q ? 1 : 3;
        root = Path.of("").toAbsolutePath();
        bench = root.resolve("benchmarks");
        if (!Files.isDirectory(bench.resolve("target/lib"))) {
            throw new IllegalStateException("run from the repository root after building: benchmarks/run.sh");
        }
        boolean partial = !o.equals(new TreeSet<>(List.of("1", "2", "3", "4", "5", "6")));
        out = outFile != null ? outFile
                : bench.resolve(quick ? "target/RESULTS-quick.md" : partial ? "target/RESULTS-partial.md" : "RESULTS.md");
        javaBin = ProcessHandle.current().info().command().orElse("java");
        cp = bench.resolve("target/classes") + File.pathSeparator + bench.resolve("target/lib") + File.separator + "*";
        logs = bench.resolve("target/bench-logs");
        Files.createDirectories(logs);
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        RunAll run = new RunAll(args);
        try {
            run.runAll();
        } finally {
            if (run.server != null) {
                run.server.kill();
            }
        }
        log("done in %.1f min; wrote %s", (System.nanoTime() - t0) / 60e9, run.out);
        System.exit(0);
    }

    void runAll() throws Exception {
        long t0 = System.nanoTime();
        String loadStart = read("/proc/loadavg").trim();
        header();
        try {
            clkTck = Long.parseLong(sh(List.of("getconf", "CLK_TCK")).trim());
        } catch (Exception e) {
            clkTck = 100;
        }
        startServer();
        StringBuilder body = new StringBuilder();
        if (only.contains("1")) {
            body.append(new PerCallFigure(this).figure1());
        }
        if (only.contains("1c")) {
            body.append(new PerCallFigure(this).figure1c());
        }
        if (only.contains("2")) {
            body.append(new ThroughputFigure(this).figure2());
        }
        if (only.contains("3")) {
            body.append(new PagingFigure(this).figure3());
        }
        if (only.contains("4")) {
            body.append(new StartupFigure(this).figure4());
        }
        if (only.contains("6")) {
            body.append(new MvcFootprintFigure(this).figure6());
        }
        if (only.contains("7")) {
            // not in the default run (about 10 minutes): benchmarks/run.sh --only 7
            body.append(new dev.heroku4j.bench.throttle.ThrottleFigure(javaBin, cp, logs, verdicts,
                    quick ? 60 : 360).run());
        }
        if (only.contains("8")) {
            // not in the default run (a few seconds): benchmarks/run.sh --only 8
            body.append(new dev.heroku4j.bench.scaling.ScaleRefusalFigure(verdicts, quick ? 200 : 1000).run());
        }
        server.kill();
        server = null;
        if (only.contains("5")) {
            body.append(new BuildFigure(this).figure5());
        }
        String loadEnd = read("/proc/loadavg").trim();
        md.append("Load average (1/5/15 min, from /proc/loadavg) at start: `").append(loadStart)
                .append("`, at end: `").append(loadEnd).append("`. Whole run: ")
                .append(Stats.f("%.1f", (System.nanoTime() - t0) / 60e9)).append(" min.\n\n");
        if (!verdicts.isEmpty()) {
            md.append("## Targets\n\n| target | result |\n|---|---|\n");
            verdicts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append("\nWhy a target misses, as far as the diagnosis figures (1b, 1c, 4b, 6) and the runs by hand show: "
                    + "[README.md](README.md#reading-the-results), \"Reading the results\".\n\n");
        }
        md.append("## Server cost (is the loopback server the bottleneck?)\n\n");
        md.append("The server runs in its own JVM (1 Netty event loop + 1 acceptor); its CPU time is read from "
                + "`/proc/<pid>/stat` around each measurement window. \"cores\" = server CPU seconds per wall second.\n\n");
        md.append("| measurement | server CPU per request | server cores used |\n|---|---|---|\n");
        serverLines.forEach(l -> md.append(l).append('\n'));
        md.append('\n');
        md.append(body);
        md.append("## Warnings\n\n");
        if (warnings.isEmpty()) {
            md.append("None: every min–max spread is within ").append((int) (Stats.WIDE * 100)).append("% of its median.\n");
        } else {
            md.append("Figures marked ⚠ have a min–max spread wider than ").append((int) (Stats.WIDE * 100))
                    .append("% of the median (shared machine; treat them with care):\n\n");
            warnings.forEach(w -> md.append("- ").append(w).append('\n'));
        }
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ header

    void header() throws Exception {
        String cpu = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memKb = read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        String node = trySh(List.of("node", "--version"));
        String commit = trySh(List.of("git", "rev-parse", "--short", "HEAD"));
        // The code measured; the result files this program writes do not count.
        String dirty = trySh(List.of("git", "status", "--porcelain", "--", "heroku-client", "schema-converter",
                "heroku-spring-boot-autoconfigure", "heroku-spring-boot-starter", "benchmarks",
                ":(exclude)benchmarks/RESULTS.md", ":(exclude)benchmarks/DIAGNOSIS-filters.md"));
        String command = System.getenv().getOrDefault("BENCH_COMMAND", "java ... dev.heroku4j.bench.RunAll");
        md.append("# heroku4j benchmarks: results\n\n");
        md.append("Written by `").append(command).append("` (see [README.md](README.md)); do not edit by hand.")
                .append(quick ? " **QUICK MODE: too few repetitions to quote.**" : "").append("\n\n");
        md.append("| | |\n|---|---|\n");
        row("date", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")));
        row("commit", commit.trim() + (dirty.isBlank() ? "" : " (with uncommitted changes)"));
        row("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + Stats.f("%.1f", memKb / 1024.0 / 1024.0) + " GiB, " + cpu + "; shared with other builds");
        row("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        row("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (`"
                + javaBin + "`), default GC and flags unless stated");
        row("Node.js", node.trim());
        row("contenders", "heroku4j " + "0.1.0-SNAPSHOT (this tree: `ReactiveHerokuClient` and `HerokuClient`), floor "
                + "(plain WebClient + Jackson 3 + record), blocking floor (RestClient on the JDK HttpClient + Jackson 3 + "
                + "record), heroku.jar 0.46 (heroku-api + heroku-http-apache + heroku-json-jackson), node-heroku-client 3.1.4");
        row("settings", "JMH " + jmhForks + " forks × (" + jmhWarmup + " warm-up + " + jmhIterations
                + " measured iterations of 1 s); throughput: " + rounds + " round-robin rounds × " + measureMillis
                + " ms per cell after a " + rampMillis + " ms ramp, workers " + workerHeap + "; paging: "
                + pagingRuns + " fresh JVMs per mode, -Xmx" + pagingXmx + "; start-up: " + startupRuns
                + " fresh JVMs per variant; converter: " + converterRuns + " runs; compile: " + compileRuns + " runs");
        md.append('\n');
        md.append("Each figure: median (min–max) over the repetitions named in its section. Ratios are measured "
                + "side by side in this one run.\n\n");
    }

    void row(String k, String v) {
        md.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }

    // ------------------------------------------------------------------------------------------ server

    void startServer() throws Exception {
        server = Proc.start("server", logs, null, List.of(javaBin, "-Xms256m", "-Xmx256m", "-cp", cp,
                "dev.heroku4j.bench.server.LoopbackServer", "--pages", Integer.toString(pages), "--threads", "1"));
        String line = server.expect("LISTENING", 30);
        url = "http://127.0.0.1:" + line.split(" ")[1];
        log("server %s (pid %d)", url, server.pid());
    }

    /** Server process CPU time in nanoseconds, from /proc (no request to the server). */
    long serverCpu() {
        return procCpuNanos(server.pid());
    }

    long procCpuNanos(long pid) {
        String stat = read("/proc/" + pid + "/stat");
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return ticks * 1_000_000_000L / clkTck;
    }

    long serverRequests() throws Exception {
        return Long.parseLong(get("/_bench/stats").trim().split(" ")[0]);
    }

    String get(String path) throws Exception {
        return control.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    void serverLine(String what, long cpuNanos, long requests, long wallNanos) {
        serverLines.add("| " + what + " | " + (requests == 0 ? "n/a" : Stats.f("%.1f µs", cpuNanos / 1000.0 / requests))
                + " | " + Stats.f("%.2f", cpuNanos / (double) wallNanos) + " |");
    }

    // ------------------------------------------------------------------------------------------ figure 1

    /** Per benchmark method: latency, CPU and allocation samples (one per measured iteration), and per-fork medians. */
    static final class JmhSamples {
        final Map<String, List<Double>> lat = new LinkedHashMap<>();
        final Map<String, List<Double>> cpu = new LinkedHashMap<>();
        final Map<String, List<Double>> alloc = new LinkedHashMap<>();
        final Map<String, List<Double>> forkLat = new LinkedHashMap<>();
        final Map<String, List<Double>> forkCpu = new LinkedHashMap<>();

        Stats lat(String n) {
            return Stats.of(lat.getOrDefault(n, List.of()));
        }

        Stats cpu(String n) {
            return Stats.of(cpu.getOrDefault(n, List.of()));
        }

        Stats alloc(String n) {
            return Stats.of(alloc.getOrDefault(n, List.of()));
        }
    }

    void jmh(String benchmarkRegex, int forks, int iterations, String logName, JmhSamples into) throws Exception {
        Options opt = new OptionsBuilder()
                .include(benchmarkRegex)
                .forks(forks)
                .warmupIterations(jmhWarmup).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Dbench.url=" + url, "-Xms512m", "-Xmx512m")
                .addProfiler(CpuTimeProfiler.class)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(logs.resolve(logName).toString())
                .build();
        for (RunResult rr : new Runner(opt).run()) {
            String name = rr.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            for (BenchmarkResult br : rr.getBenchmarkResults()) {
                List<Double> fl = new ArrayList<>();
                List<Double> fc = new ArrayList<>();
                for (IterationResult ir : br.getIterationResults()) {
                    double l = ir.getPrimaryResult().getScore();
                    into.lat.computeIfAbsent(name, k -> new ArrayList<>()).add(l);
                    fl.add(l);
                    Map<String, Result> sec = ir.getSecondaryResults();
                    if (sec.containsKey(CpuTimeProfiler.LABEL)) {
                        double c = sec.get(CpuTimeProfiler.LABEL).getScore();
                        into.cpu.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
                        fc.add(c);
                    }
                    if (sec.containsKey("gc.alloc.rate.norm")) {
                        into.alloc.computeIfAbsent(name, k -> new ArrayList<>()).add(sec.get("gc.alloc.rate.norm").getScore());
                    }
                }
                steadyState(name, logName, fl);
                into.forkLat.computeIfAbsent(name, k -> new ArrayList<>()).add(Stats.of(fl).median());
                into.forkCpu.computeIfAbsent(name, k -> new ArrayList<>()).add(Stats.of(fc).median());
            }
        }
    }

    /** Warns when a fork's first measured iteration is still well above its best: the warm-up was too short. */
    void steadyState(String name, String logName, List<Double> forkLatencies) {
        if (forkLatencies.size() < 2) {
            return;
        }
        double first = forkLatencies.get(0);
        double best = forkLatencies.stream().mapToDouble(Double::doubleValue).min().orElse(first);
        if (first > 1.5 * best) {
            warnings.add(Stats.f("%s (%s): first measured iteration %.0f µs, best %.0f µs: not at steady state after %d s of warm-up",
                    name, logName, first, best, jmhWarmup));
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    Stats check(String what, Stats s) {
        if (s.wide()) {
            warnings.add(what + ": " + s.fmt("%.1f") + Stats.f(", spread %.0f%%", s.spread() * 100));
        }
        return s;
    }

    static String verdict(boolean met, String detail) {
        return (met ? "**met**: " : "**missed**: ") + detail;
    }

    static <T> List<Double> map(List<T> l, Function<T, Double> f) {
        return l == null ? List.of() : l.stream().map(f).toList();
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sh(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return outText;
    }

    static String trySh(List<String> cmd) {
        try {
            return sh(cmd);
        } catch (Exception e) {
            return "?";
        }
    }

    public static void log(String format, Object... args) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
