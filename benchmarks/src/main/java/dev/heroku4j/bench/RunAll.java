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
import dev.heroku4j.bench.jmh.CpuTimeProfiler;
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
 *   RunAll [--quick] [--only 1,2,3,4,5] [--out FILE]
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
        Set<String> o = new TreeSet<>(List.of("1", "2", "3", "4", "5"));
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
        jmhWarmup = q ? 2 : 3;
        jmhIterations = q ? 2 : 5;
        rounds = q ? 1 : 3;
        rampMillis = q ? 300 : 700;
        measureMillis = q ? 700 : 2000;
        pagingRuns = q ? 1 : 3;
        startupRuns = q ? 2 : 10;
        converterRuns = q ? 1 : 5;
        compileRuns = q ? 1 : 3;
        root = Path.of("").toAbsolutePath();
        bench = root.resolve("benchmarks");
        if (!Files.isDirectory(bench.resolve("target/lib"))) {
            throw new IllegalStateException("run from the repository root after building: benchmarks/run.sh");
        }
        out = outFile != null ? outFile : bench.resolve(quick ? "target/RESULTS-quick.md" : "RESULTS.md");
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
            body.append(figure1());
        }
        if (only.contains("2")) {
            body.append(figure2());
        }
        if (only.contains("3")) {
            body.append(figure3());
        }
        if (only.contains("4")) {
            body.append(figure4());
        }
        server.kill();
        server = null;
        if (only.contains("5")) {
            body.append(figure5());
        }
        String loadEnd = read("/proc/loadavg").trim();
        md.append("Load average (1/5/15 min, from /proc/loadavg) at start: `").append(loadStart)
                .append("`, at end: `").append(loadEnd).append("`. Whole run: ")
                .append(Stats.f("%.1f", (System.nanoTime() - t0) / 60e9)).append(" min.\n\n");
        md.append("## Targets\n\n| target | result |\n|---|---|\n");
        verdicts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Server cost (is the loopback server the bottleneck?)\n\n");
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
        String dirty = trySh(List.of("git", "status", "--porcelain", "--", "heroku-client", "schema-converter", "benchmarks"));
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
        row("contenders", "heroku4j " + "0.1.0-SNAPSHOT (this tree), floor (plain WebClient + Jackson 3 + record), "
                + "heroku.jar 0.46 (heroku-api + heroku-http-apache + heroku-json-jackson), node-heroku-client 3.1.4");
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

    String figure1() throws Exception {
        log("figure 1: JMH, %d forks × %d iterations", jmhForks, jmhIterations);
        long cpu0 = serverCpu();
        long req0 = serverRequests();
        long t0 = System.nanoTime();
        Path jmhLog = logs.resolve("jmh.log");
        Options opt = new OptionsBuilder()
                .include(AppInfoBenchmark.class.getName() + "\\.")
                .forks(jmhForks)
                .warmupIterations(jmhWarmup).warmupTime(TimeValue.seconds(1))
                .measurementIterations(jmhIterations).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Dbench.url=" + url, "-Xms512m", "-Xmx512m")
                .addProfiler(CpuTimeProfiler.class)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(jmhLog.toString())
                .build();
        Collection<RunResult> results = new Runner(opt).run();
        long wall = System.nanoTime() - t0;
        serverLine("figure 1 (JMH, sequential, whole run incl. forks' start)", serverCpu() - cpu0,
                serverRequests() - req0, wall);
        Map<String, List<Double>> lat = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> alloc = new LinkedHashMap<>();
        for (RunResult rr : results) {
            String name = rr.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            for (BenchmarkResult br : rr.getBenchmarkResults()) {
                for (IterationResult ir : br.getIterationResults()) {
                    lat.computeIfAbsent(name, k -> new ArrayList<>()).add(ir.getPrimaryResult().getScore());
                    Map<String, Result> sec = ir.getSecondaryResults();
                    if (sec.containsKey(CpuTimeProfiler.LABEL)) {
                        cpu.computeIfAbsent(name, k -> new ArrayList<>()).add(sec.get(CpuTimeProfiler.LABEL).getScore());
                    }
                    if (sec.containsKey("gc.alloc.rate.norm")) {
                        alloc.computeIfAbsent(name, k -> new ArrayList<>()).add(sec.get("gc.alloc.rate.norm").getScore());
                    }
                }
            }
        }
        StringBuilder s = new StringBuilder("## 1. Per call: app info, sequential (JMH)\n\n");
        s.append("`heroku.app().appInfo(\"example\").block()` against the floor `webClient.get().uri(\"/apps/{name}\", name)"
                + ".retrieve().bodyToMono(AppRecord.class).block()`, one caller thread, keep-alive. JMH 1.37, mode "
                + "AverageTime, ").append(jmhForks).append(" forks × ").append(jmhIterations).append(" iterations of 1 s after ")
                .append(jmhWarmup).append(" warm-up iterations, fork JVM `-Xms512m -Xmx512m`; every measured "
                        + "iteration is one sample. CPU = the fork's process CPU time (caller, event loop, GC, JIT) per "
                        + "call (custom JMH profiler `CpuTimeProfiler`); allocation = JMH's `gc.alloc.rate.norm`. "
                        + "Log: `benchmarks/target/bench-logs/jmh.log`.\n\n");
        s.append("| contender | latency µs/call | CPU µs/call | allocated bytes/call |\n|---|---|---|---|\n");
        for (String name : List.of("heroku4j", "floor")) {
            s.append("| ").append(name).append(" | ").append(check("1 latency " + name, Stats.of(lat.getOrDefault(name, List.of()))).fmt("%.1f"))
                    .append(" | ").append(check("1 CPU " + name, Stats.of(cpu.getOrDefault(name, List.of()))).fmt("%.1f"))
                    .append(" | ").append(Stats.of(alloc.getOrDefault(name, List.of())).fmt("%.0f")).append(" |\n");
        }
        double latRatio = Stats.of(lat.get("heroku4j")).median() / Stats.of(lat.get("floor")).median();
        double cpuRatio = Stats.of(cpu.get("heroku4j")).median() / Stats.of(cpu.get("floor")).median();
        double allocRatio = Stats.of(alloc.get("heroku4j")).median() / Stats.of(alloc.get("floor")).median();
        s.append("| **ratio heroku4j / floor** | **").append(Stats.f("%.2f", latRatio)).append("** | **")
                .append(Stats.f("%.2f", cpuRatio)).append("** | ").append(Stats.f("%.2f", allocRatio)).append(" |\n\n");
        verdicts.put("1. per call heroku4j / floor ≤ 1.15",
                verdict(Math.max(latRatio, cpuRatio) <= 1.15, Stats.f("latency %.2f, CPU %.2f", latRatio, cpuRatio)
                        + (Math.max(latRatio, cpuRatio) <= 1.15 ? "" : Stats.f(" (%.0f%% over the target)",
                        (Math.max(latRatio, cpuRatio) / 1.15 - 1) * 100))));
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------ figure 2

    record Worker(String name, String threads, Proc proc) {
    }

    record Cell(long ops, double callsPerSec, double cpuUsPerCall, double clientCores, int processThreads, long errors,
                String firstError, long serverCpuNanos, long serverWallNanos) {
        double serverCores() {
            return serverCpuNanos / (double) serverWallNanos;
        }
    }

    String figure2() throws Exception {
        log("figure 2: throughput, %d rounds", rounds);
        List<Worker> workers = new ArrayList<>();
        workers.add(new Worker("heroku4j", "N callers, `block()`", javaWorker("heroku4j", List.of())));
        workers.add(new Worker("heroku4j reactive", "0 callers: `flatMap(appInfo, N)`", javaWorker("heroku4j-reactive", List.of())));
        workers.add(new Worker("floor", "N callers, `block()`", javaWorker("floor", List.of())));
        workers.add(new Worker("heroku.jar (as configured)", "N callers; pool: 5 per route (http.maxConnections default)",
                javaWorker("herokujar", List.of())));
        workers.add(new Worker("heroku.jar, -Dhttp.maxConnections=256", "N callers; pool: 256 per route",
                javaWorker("herokujar", List.of("-Dhttp.maxConnections=256"))));
        Map<String, String> env = System.getenv();
        String sslFile = env.get("SSL_CERT_FILE");
        String sslDir = env.get("SSL_CERT_DIR");
        boolean sslSet = sslFile != null || sslDir != null;
        String nodeWorker = bench.resolve("node/worker.js").toString();
        if (sslSet) {
            workers.add(new Worker("node-heroku-client (as configured: SSL_CERT_FILE/SSL_CERT_DIR set)",
                    "1 event loop, N pending promises", Proc.start("node-ssl-env", logs, null,
                    List.of("node", nodeWorker, url))));
        }
        workers.add(new Worker("node-heroku-client (SSL_CERT_FILE/SSL_CERT_DIR unset)", "1 event loop, N pending promises",
                Proc.start("node-no-ssl-env", logs, Set.of("SSL_CERT_FILE", "SSL_CERT_DIR"),
                        List.of("node", nodeWorker, url))));
        for (Worker w : workers) {
            w.proc().expect("READY", 60);
        }
        log("figure 2: warm-up");
        for (Worker w : workers) {
            cell(w, 16, 1000, quick ? 500 : 2000);
        }
        Map<String, List<Cell>> cells = new LinkedHashMap<>();
        Map<Integer, long[]> serverByConc = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (int c : concurrency) {
                log("figure 2: round %d, %d callers", r + 1, c);
                for (Worker w : workers) {
                    Cell cell = cell(w, c, rampMillis, measureMillis);
                    cells.computeIfAbsent(w.name() + "@" + c, k -> new ArrayList<>()).add(cell);
                    long[] agg = serverByConc.computeIfAbsent(c, k -> new long[3]);
                    agg[0] += cell.serverCpuNanos();
                    agg[1] += cell.ops();
                    agg[2] += cell.serverWallNanos();
                }
            }
        }
        for (Worker w : workers) {
            w.proc().send("QUIT");
            w.proc().waitFor(10);
        }
        double maxServerCores = 0;
        for (var e : serverByConc.entrySet()) {
            serverLine("figure 2, " + e.getKey() + " callers (all contenders' cells)", e.getValue()[0], e.getValue()[1],
                    e.getValue()[2]);
        }
        for (List<Cell> l : cells.values()) {
            for (Cell c : l) {
                maxServerCores = Math.max(maxServerCores, c.serverCores());
            }
        }
        serverLines.add("| figure 2, busiest single cell | | " + Stats.f("%.2f", maxServerCores) + " |");

        StringBuilder s = new StringBuilder("## 2. Throughput: app info calls at 1, 16 and 256 concurrent callers\n\n");
        s.append("Each contender runs in its own process, started once and warmed up (").append(quick ? 500 : 2000)
                .append(" ms at 16 callers); then ").append(rounds).append(" rounds, each running every contender in turn "
                        + "at 1, 16 and 256 callers for ").append(measureMillis).append(" ms (after a ").append(rampMillis)
                .append(" ms ramp at that concurrency). Calls/s = completed calls / wall time of the window; "
                        + "CPU/call = the contender process's CPU time in the window / calls (Java: "
                        + "`OperatingSystemMXBean.getProcessCpuTime`, Node: `process.cpuUsage`). Java workers `")
                .append(workerHeap).append("`, default GC; Reactor Netty's default connection pool "
                        + "(16 connections on this machine) for heroku4j and the floor. node-heroku-client creates a new "
                        + "`http.Agent` per request, so it opens a new connection for every call.\n\n");
        s.append("| contender | threads | calls/s @1 | calls/s @16 | calls/s @256 |\n|---|---|---|---|---|\n");
        for (Worker w : workers) {
            s.append("| ").append(w.name()).append(" | ").append(w.threads());
            for (int c : concurrency) {
                Stats st = Stats.of(map(cells.get(w.name() + "@" + c), Cell::callsPerSec));
                check("2 calls/s " + w.name() + " @" + c, st);
                s.append(" | ").append(st.fmt("%.0f"));
            }
            s.append(" |\n");
        }
        s.append("\nCPU per call (µs, whole contender process) and process threads (kernel count, `/proc/<pid>/status`, "
                + "sampled mid-window):\n\n");
        s.append("| contender | CPU µs/call @1 | @16 | @256 | process threads @1 / @16 / @256 | errors |\n|---|---|---|---|---|---|\n");
        for (Worker w : workers) {
            s.append("| ").append(w.name());
            StringBuilder th = new StringBuilder();
            long errors = 0;
            String firstError = null;
            for (int c : concurrency) {
                List<Cell> l = cells.get(w.name() + "@" + c);
                s.append(" | ").append(Stats.of(map(l, Cell::cpuUsPerCall)).fmt("%.0f"));
                th.append(th.length() == 0 ? "" : " / ").append(Stats.of(map(l, x -> (double) x.processThreads())).fmt("%.0f")
                        .replaceAll(" \\(.*", ""));
                for (Cell x : l) {
                    errors += x.errors();
                    if (firstError == null && !"-".equals(x.firstError())) {
                        firstError = x.firstError();
                    }
                }
            }
            s.append(" | ").append(th).append(" | ").append(errors).append(firstError == null ? "" : " (" + firstError + ")")
                    .append(" |\n");
        }
        s.append("\nRatios of medians, heroku4j (blocking callers) / contender; in brackets the min–max of the per-round "
                + "ratios (each round runs both side by side):\n\n");
        s.append("| heroku4j / … | @1 | @16 | @256 |\n|---|---|---|---|\n");
        boolean met = true;
        StringBuilder why = new StringBuilder();
        for (Worker w : workers) {
            if (w.name().equals("heroku4j")) {
                continue;
            }
            s.append("| ").append(w.name());
            for (int c : concurrency) {
                List<Double> mine = map(cells.get("heroku4j@" + c), Cell::callsPerSec);
                List<Double> theirs = map(cells.get(w.name() + "@" + c), Cell::callsPerSec);
                List<Double> perRound = new ArrayList<>();
                for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                    perRound.add(mine.get(i) / theirs.get(i));
                }
                double ratio = Stats.of(mine).median() / Stats.of(theirs).median();
                Stats pr = Stats.of(perRound);
                s.append(" | ").append(Stats.f("%.2f", ratio)).append(" (").append(Stats.f("%.2f", pr.min()))
                        .append("–").append(Stats.f("%.2f", pr.max())).append(")");
                boolean targeted = c >= 16 && (w.name().startsWith("heroku.jar (as") || w.name().startsWith("node"));
                if (targeted && ratio < 2) {
                    met = false;
                    why.append(why.length() == 0 ? "" : "; ").append(Stats.f("%.2f× ", ratio)).append(w.name())
                            .append(" @").append(c);
                }
            }
            s.append(" |\n");
        }
        s.append('\n');
        verdicts.put("2. throughput heroku4j ≥ 2× heroku.jar and node-heroku-client @16 and @256",
                verdict(met, met ? "all ratios ≥ 2 (table in figure 2)" : "below 2×: " + why));
        return s.toString();
    }

    Proc javaWorker(String contender, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin, workerHeap, "-Dbench.url=" + url));
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", cp, "dev.heroku4j.bench.worker.ThroughputWorker", contender));
        return Proc.start("worker-" + contender + (extra.isEmpty() ? "" : "-tuned"), logs, null, cmd);
    }

    Cell cell(Worker w, int concurrency, long ramp, long measure) throws Exception {
        w.proc().send("RUN " + concurrency + " " + ramp + " " + measure);
        w.proc().expect("MEASURING", 120);
        long s0 = serverCpu();
        long t0 = System.nanoTime();
        String[] r = w.proc().expect("RESULT", 120).split(" ");
        long s1 = serverCpu();
        long t1 = System.nanoTime();
        long ops = Long.parseLong(r[1]);
        long errors = Long.parseLong(r[2]);
        long cpu = Long.parseLong(r[3]);
        long wall = Long.parseLong(r[4]);
        int threads = Integer.parseInt(r[5]);
        String err = r.length > 6 ? r[6] : "-";
        double perSec = ops / (wall / 1e9);
        return new Cell(ops, perSec, ops == 0 ? Double.NaN : cpu / 1000.0 / ops, cpu / (double) wall, threads, errors,
                err.length() > 120 ? err.substring(0, 120) : err, s1 - s0, t1 - t0);
    }

    // ------------------------------------------------------------------------------------------ figure 3

    String figure3() throws Exception {
        log("figure 3: paging, %d runs per mode", pagingRuns);
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        long sCpu = 0;
        long sReq = 0;
        long sWall = 0;
        for (int r = 0; r < pagingRuns; r++) {
            for (String mode : List.of("stream", "collect")) {
                get("/_bench/pagelog");
                long c0 = serverCpu();
                long q0 = serverRequests();
                long t0 = System.nanoTime();
                Proc p = Proc.start("paging-" + mode, logs, null, List.of(javaBin, "-Xmx" + pagingXmx, "-Dbench.url=" + url,
                        "-cp", cp, "dev.heroku4j.bench.paging.PagingRun", mode));
                String[] res = p.expect("RESULT", 300).split(" ");
                p.waitFor(30);
                sWall += System.nanoTime() - t0;
                sCpu += serverCpu() - c0;
                sReq += serverRequests() - q0;
                Map<Integer, Long> pageTimes = new LinkedHashMap<>();
                for (String line : get("/_bench/pagelog").split("\n")) {
                    if (!line.isBlank()) {
                        String[] f = line.trim().split(" ");
                        pageTimes.putIfAbsent(Integer.parseInt(f[0]), Long.parseLong(f[1]));
                    }
                }
                long items = Long.parseLong(res[1]);
                long start = Long.parseLong(res[2]);
                long first = Long.parseLong(res[3]);
                long end = Long.parseLong(res[4]);
                long page2 = pageTimes.getOrDefault(1, Long.MAX_VALUE);
                runs.computeIfAbsent(mode, k -> new ArrayList<>()).add(new double[]{
                        items, (first - start) / 1000.0, (end - start) / 1000.0,
                        page2 == Long.MAX_VALUE ? Double.NaN : (page2 - start) / 1000.0,
                        Long.parseLong(res[5]) / 1048576.0, Long.parseLong(res[6]) / 1048576.0,
                        Long.parseLong(res[7]), pageTimes.size(), (page2 - first) / 1000.0});
                log("  %s: %s", mode, String.join(" ", res));
            }
        }
        serverLine("figure 3 (paging, whole runs incl. JVM start)", sCpu, sReq, sWall);
        StringBuilder s = new StringBuilder("## 3. Paging: 100,000 apps in pages of 1,000\n\n");
        s.append("`heroku.list(heroku.app()::appListWithHttpInfo, Range.by(\"id\").withMax(1000))`: the server answers ")
                .append(pages).append(" pages of 1,000 apps (875 KB each; 206 + `Next-Range`, the last one 200). "
                        + "**stream** iterates the lazy Flux (`toIterable()`); **collect** does `collectList().block()` "
                        + "first. Fresh JVM per run, `-Xmx").append(pagingXmx).append("`, default GC (G1), ")
                .append(pagingRuns).append(" runs per mode. Heap growth is measured against the heap used after "
                        + "`System.gc()` with the client built: **live** = highest heap-after-GC (GC notifications) − "
                        + "baseline; **sampled** = highest used heap read every 1 ms (garbage included) − baseline. "
                        + "Times are from subscribing; page 2 = the server's receive time of the second list request "
                        + "(epoch µs in both processes).\n\n");
        s.append("| mode | items | first item (ms) | page 2 requested (ms) | first item before page 2 | total (ms) "
                + "| live heap growth (MB) | sampled peak growth (MB) | GCs | list requests |\n|---|---|---|---|---|---|---|---|---|---|\n");
        boolean heapOk = true;
        boolean firstOk = true;
        String heapText = "";
        String firstText = "";
        for (var e : runs.entrySet()) {
            List<double[]> l = e.getValue();
            Function<Integer, Stats> col = i -> Stats.of(l.stream().map(a -> a[i]).toList());
            long before = l.stream().filter(a -> a[8] > 0).count();
            s.append("| ").append(e.getKey()).append(" | ").append(col.apply(0).fmt("%.0f").replaceAll(" \\(.*", ""))
                    .append(" | ").append(check("3 first item " + e.getKey(), col.apply(1)).fmt("%.0f"))
                    .append(" | ").append(col.apply(3).fmt("%.0f"))
                    .append(" | ").append(before).append(" of ").append(l.size()).append(" runs (by ")
                    .append(col.apply(8).fmt("%.0f").replaceAll(" ⚠", "")).append(" ms)")
                    .append(" | ").append(check("3 total " + e.getKey(), col.apply(2)).fmt("%.0f"))
                    .append(" | ").append(col.apply(4).fmt("%.1f"))
                    .append(" | ").append(col.apply(5).fmt("%.1f"))
                    .append(" | ").append(col.apply(6).fmt("%.0f"))
                    .append(" | ").append(col.apply(7).fmt("%.0f").replaceAll(" \\(.*", ""))
                    .append(" |\n");
            if (e.getKey().equals("stream")) {
                heapOk = col.apply(4).max() <= 32;
                heapText = Stats.f("live growth %.1f MB at most (median %.1f)", col.apply(4).max(), col.apply(4).median());
                firstOk = before == l.size();
                firstText = before + " of " + l.size() + " runs; first item "
                        + Stats.f("%.0f ms", col.apply(8).median()) + " before page 2 was requested (median)";
            }
        }
        s.append("\nA negative \"by\" means page 2 was requested before the first item reached the caller.\n\n");
        verdicts.put("3a. paging heap growth ≤ 32 MB (stream)", verdict(heapOk, heapText));
        verdicts.put("3b. first item before page 2 is requested", verdict(firstOk, firstText));
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------ figure 4

    String figure4() throws Exception {
        Path app = bench.resolve("startup-app");
        String base = app.resolve("target/classes") + File.pathSeparator + app.resolve("target/lib") + File.separator + "*";
        Path starterLib = bench.resolve("startup-app-starter/target/lib");
        boolean starter = Files.isDirectory(starterLib);
        String starterCp = app.resolve("target/classes") + File.pathSeparator + starterLib + File.separator + "*";
        List<String> modes = new ArrayList<>(List.of("none", "manual"));
        if (starter) {
            modes.add("starter");
        }
        log("figure 4: start-up, %d runs × %s", startupRuns, modes);
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        for (int i = 0; i < startupRuns; i++) {
            for (String mode : modes) {
                List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", mode.equals("starter") ? starterCp : base,
                        "dev.heroku4j.bench.startup.StartupApp", mode, "--bench.url=" + url));
                if (mode.equals("starter")) {
                    cmd.addAll(List.of(System.getProperty("bench.starter.args",
                            "--heroku.api-key=" + KEY + " --heroku.base-url=" + url).split(" ")));
                }
                long t0 = System.nanoTime();
                Proc p = Proc.start("startup-" + mode, logs, null, cmd);
                String[] r = p.expect("RESULT", 120).split(" ");
                p.waitFor(30);
                double wall = (System.nanoTime() - t0) / 1e6;
                runs.computeIfAbsent(mode, k -> new ArrayList<>()).add(new double[]{
                        Double.parseDouble(r[1]), Double.parseDouble(r[2]), Double.parseDouble(r[3]), wall});
            }
        }
        StringBuilder s = new StringBuilder("## 4. Start-up of a minimal Spring Boot app\n\n");
        s.append("`StartupApp` (`benchmarks/startup-app`): `@SpringBootApplication`, `spring-boot-starter` only (no "
                + "web server), Boot's default logging, classpath = Boot core + heroku-client and their dependencies. "
                + "Fresh JVM per start, default flags, ").append(startupRuns).append(" starts per variant, "
                        + "variants alternating. **context start** = `SpringApplication.run` duration; **JVM uptime at "
                        + "ready** = `RuntimeMXBean.getUptime()` when `run` returned; **process wall** = launch to exit "
                        + "(includes the first call and shutdown); **first call** = the first "
                        + "`appInfo(\"example\").block()` after start.\n\n");
        if (!starter) {
            s.append("**The starter is not measured yet**: `heroku-spring-boot-starter` is not in this tree. "
                    + "\"manual\" defines the client by hand (`@Bean HerokuClient` from `HerokuClient.builder()`), "
                    + "standing in for it. When the module exists, `benchmarks/run.sh` builds "
                    + "`benchmarks/startup-app-starter` and this table gains a \"starter\" row.\n\n");
        }
        s.append("| variant | context start (ms) | JVM uptime at ready (ms) | process wall (ms) | first call (ms) |\n|---|---|---|---|---|\n");
        Map<String, String> labels = Map.of("none", "without heroku4j", "manual", "with `HerokuClient` bean by hand",
                "starter", "with heroku-spring-boot-starter");
        for (String mode : modes) {
            List<double[]> l = runs.get(mode);
            Function<Integer, Stats> col = i -> Stats.of(l.stream().map(a -> a[i]).toList());
            s.append("| ").append(labels.get(mode)).append(" | ").append(check("4 context " + mode, col.apply(0)).fmt("%.0f"))
                    .append(" | ").append(col.apply(1).fmt("%.0f"))
                    .append(" | ").append(col.apply(3).fmt("%.0f"))
                    .append(" | ").append(mode.equals("none") ? "n/a" : check("4 first call " + mode, col.apply(2)).fmt("%.0f"))
                    .append(" |\n");
        }
        double none = Stats.of(runs.get("none").stream().map(a -> a[0]).toList()).median();
        for (String mode : modes) {
            if (mode.equals("none")) {
                continue;
            }
            double m = Stats.of(runs.get(mode).stream().map(a -> a[0]).toList()).median();
            double up = Stats.of(runs.get(mode).stream().map(a -> a[1]).toList()).median()
                    - Stats.of(runs.get("none").stream().map(a -> a[1]).toList()).median();
            s.append("\n").append(labels.get(mode)).append(" adds ").append(Stats.f("%.0f ms", m - none))
                    .append(" to the context start (difference of medians; ").append(Stats.f("%.0f ms", up))
                    .append(" JVM uptime at ready).\n");
            String key = mode.equals("starter") ? "4. starter adds ≤ 100 ms to start-up"
                    : "4. (stand-in) hand-defined HerokuClient bean adds ≤ 100 ms to start-up";
            verdicts.put(key, verdict(m - none <= 100, Stats.f("+%.0f ms context start", m - none)
                    + (mode.equals("starter") ? "" : "; the starter itself is not measured yet")));
        }
        if (!starter) {
            verdicts.put("4. starter adds ≤ 100 ms to start-up", "NOT MEASURED: heroku-spring-boot-starter is not in this tree");
        }
        s.append('\n');
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------ figure 5

    String figure5() throws Exception {
        Path cpFile = bench.resolve("target/converter.classpath");
        String convCp = root.resolve("schema-converter/target/classes") + File.pathSeparator + Files.readString(cpFile).trim();
        Path schemas = root.resolve("../shared/heroku-schema").normalize();
        String a = root.relativize(root.resolve("../shared/heroku-schema/platform-api.json")).toString();
        String b = root.relativize(root.resolve("../shared/heroku-schema/platform-api-3.sdk.json")).toString();
        Path x = Path.of("/tmp/heroku4j-bench-x.yaml");
        Path y = Path.of("/tmp/heroku4j-bench-y.yaml");
        log("figure 5: converter × %d, compile × %d", converterRuns, compileRuns);
        List<Double> cli = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < converterRuns; i++) {
            Files.deleteIfExists(x);
            long t0 = System.nanoTime();
            Proc p = Proc.start("converter-cli", logs, null, List.of(javaBin, "-cp", convCp, "dev.heroku4j.converter.ConverterCli",
                    "--schema", a, "--schema", b, "--out", x.toString()));
            int code = p.waitFor(120);
            cli.add((System.nanoTime() - t0) / 1e6);
            if (code != 0) {
                throw new IllegalStateException("converter exited " + code + "; see " + logs);
            }
            Files.deleteIfExists(y);
            Proc q = Proc.start("converter-timing", logs, null, List.of(javaBin, "-cp",
                    convCp + File.pathSeparator + bench.resolve("target/classes"), "dev.heroku4j.bench.build.ConverterTiming",
                    a, b, y.toString()));
            String[] r = q.expect("RESULT", 120).split(" ");
            q.waitFor(30);
            cold.add(Double.parseDouble(r[1]));
            warm.add(Double.parseDouble(r[2]));
        }
        List<Double> compile = new ArrayList<>();
        for (int i = 0; i < compileRuns; i++) {
            log("  mvn -B -o -pl heroku-client clean compile (%d of %d)", i + 1, compileRuns);
            long t0 = System.nanoTime();
            Proc p = Proc.start("mvn-compile", logs, null, List.of("mvn", "-B", "-o", "-pl", "heroku-client", "clean", "compile"));
            int code = p.waitFor(600);
            compile.add((System.nanoTime() - t0) / 1e9);
            if (code != 0) {
                throw new IllegalStateException("mvn exited " + code + "; see " + logs.resolve("mvn-compile.log"));
            }
        }
        Stats cliS = check("5 converter command", Stats.of(cli));
        StringBuilder s = new StringBuilder("## 5. Build\n\n");
        s.append("Converter on both schemas (").append(schemas).append("), ").append(converterRuns)
                .append(" runs each, output file deleted before each run:\n\n");
        s.append("- command: `java -cp <schema-converter classes + its dependencies> dev.heroku4j.converter.ConverterCli "
                + "--schema ").append(a).append(" --schema ").append(b).append(" --out /tmp/x.yaml` (wall time, JVM start included);\n");
        s.append("- in-JVM: `new SchemaConverter().schema(a).schema(b).convert()` + writing the YAML, timed inside a "
                + "fresh JVM (`ConverterTiming`), first conversion (cold) and a second one in the same JVM (warm).\n\n");
        s.append("Generation + compilation: `mvn -B -o -pl heroku-client clean compile` from the repository root, ")
                .append(compileRuns).append(" runs (wall time; includes Maven's own start; the converter runs inside it "
                        + "through exec-maven-plugin, then OpenAPI Generator, then javac).\n\n");
        s.append("| step | time |\n|---|---|\n");
        s.append("| converter command, wall | ").append(cliS.fmt("%.0f")).append(" ms |\n");
        s.append("| converter in-JVM, cold | ").append(check("5 converter cold", Stats.of(cold)).fmt("%.0f")).append(" ms |\n");
        s.append("| converter in-JVM, warm (2nd run) | ").append(check("5 converter warm", Stats.of(warm)).fmt("%.0f")).append(" ms |\n");
        s.append("| `mvn -B -o -pl heroku-client clean compile` | ").append(check("5 compile", Stats.of(compile)).fmt("%.1f")).append(" s |\n\n");
        verdicts.put("5. converter command < 3 s", verdict(cliS.median() < 3000, Stats.f("%.2f s median", cliS.median() / 1000)
                + Stats.f(" (max %.2f s)", cliS.max() / 1000)));
        return s.toString();
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

    static void log(String format, Object... args) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** A child process: stdout read line by line, stderr to a log file, stdin for commands. */
    static final class Proc {
        private static final java.util.concurrent.ExecutorService IO = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "proc-io");
            t.setDaemon(true);
            return t;
        });
        private final Process process;
        private final BufferedReader stdout;
        private final PrintWriter stdin;
        private final PrintWriter log;

        private Proc(Process process, PrintWriter log) {
            this.process = process;
            this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.log = log;
        }

        static Proc start(String name, Path logs, Set<String> unsetEnv, List<String> cmd) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (unsetEnv != null) {
                unsetEnv.forEach(pb.environment()::remove);
            }
            Path logFile = logs.resolve(name + ".log");
            pb.redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
            log.println("$ " + String.join(" ", cmd) + (unsetEnv == null ? "" : "   (env without " + unsetEnv + ")"));
            return new Proc(pb.start(), log);
        }

        long pid() {
            return process.pid();
        }

        void send(String line) {
            stdin.println(line);
        }

        /** The next stdout line starting with {@code prefix}; other lines go to the log. */
        String expect(String prefix, long timeoutSeconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            java.util.concurrent.CompletableFuture<String> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = stdout.readLine()) != null) {
                        if (line.startsWith(prefix)) {
                            return line;
                        }
                        log.println(line);
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, IO);
            String line = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("process ended before printing " + prefix + " (exit "
                        + process.waitFor() + "); see its log");
            }
            return line;
        }

        int waitFor(long timeoutSeconds) throws Exception {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    String line;
                    while ((line = stdout.readLine()) != null) {
                        log.println(line);
                    }
                } catch (IOException ignored) {
                    // process gone
                }
            }, IO);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("process did not end in " + timeoutSeconds + " s");
            }
            return process.exitValue();
        }

        void kill() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
