package dev.heroku4j.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Figure 2: throughput at 1, 16 and 256 concurrent callers, every contender in worker JVMs, round-robin.
 * Part of {@link RunAll}'s run: its settings, server and verdicts.
 */
final class ThroughputFigure {

    /** Each worker's warm-up at 16 callers, then at 256 callers. */
    private static final int WARM_UP_MILLIS = 8000;

    /**
     * Measured on this 2-core machine, from a cold worker at 256 callers in 5 s windows: heroku4j 543, 1538, 2027, 2887,
     * 3337, 5826, 6789, 7483, 8728 calls/s; the floor 552 ... 9217, 9229. Both settle only after about 40 s, so with
     * a shorter warm-up the figure compares how fast each contender warms up, not its throughput.
     */
    private static final int WARM_UP_256_MILLIS = 30000;

    private final RunAll run;

    ThroughputFigure(RunAll run) {
        this.run = run;
    }

    record Worker(String name, String threads, Proc proc) {
    }

    record Cell(long ops, double callsPerSec, double cpuUsPerCall, double clientCores, int processThreads, long errors,
                String firstError, long serverCpuNanos, long serverWallNanos) {
        double serverCores() {
            return serverCpuNanos / (double) serverWallNanos;
        }
    }

    static final String W_HEROKU4J = "heroku4j `ReactiveHerokuClient` + `block()`";
    static final String W_BLOCKING = "heroku4j `HerokuClient`";
    static final String W_FLOOR = "floor (WebClient + `block()`)";
    static final String W_BLOCKING_FLOOR = "blocking floor (RestClient, JDK HttpClient)";

    String figure2() throws Exception {
        RunAll.log("figure 2: throughput, %d rounds", run.rounds);
        List<Worker> workers = new ArrayList<>();
        workers.add(new Worker(W_HEROKU4J, "N callers, `block()`", javaWorker("heroku4j", List.of())));
        workers.add(new Worker("heroku4j `ReactiveHerokuClient`, reactive callers", "0 callers: `flatMap(appInfo, N)`",
                javaWorker("heroku4j-reactive", List.of())));
        workers.add(new Worker(W_BLOCKING, "N callers", javaWorker("heroku4j-blocking", List.of())));
        workers.add(new Worker(W_FLOOR, "N callers, `block()`", javaWorker("floor", List.of())));
        workers.add(new Worker(W_BLOCKING_FLOOR, "N callers", javaWorker("blocking-floor", List.of())));
        workers.add(new Worker("heroku.jar (as configured)", "N callers; pool: 5 per route (http.maxConnections default)",
                javaWorker("herokujar", List.of())));
        workers.add(new Worker("heroku.jar, -Dhttp.maxConnections=256", "N callers; pool: 256 per route",
                javaWorker("herokujar", List.of("-Dhttp.maxConnections=256"))));
        Map<String, String> env = System.getenv();
        String sslFile = env.get("SSL_CERT_FILE");
        String sslDir = env.get("SSL_CERT_DIR");
        boolean sslSet = sslFile != null || sslDir != null;
        String nodeWorker = run.bench.resolve("node/worker.js").toString();
        if (sslSet) {
            workers.add(new Worker("node-heroku-client (as configured: SSL_CERT_FILE/SSL_CERT_DIR set)",
                    "1 event loop, N pending promises", Proc.start("node-ssl-env", run.logs, null,
                    List.of("node", nodeWorker, run.url))));
        }
        workers.add(new Worker("node-heroku-client (SSL_CERT_FILE/SSL_CERT_DIR unset)", "1 event loop, N pending promises",
                Proc.start("node-no-ssl-env", run.logs, Set.of("SSL_CERT_FILE", "SSL_CERT_DIR"),
                        List.of("node", nodeWorker, run.url))));
        for (Worker w : workers) {
            w.proc().expect("READY", 60);
        }
        RunAll.log("figure 2: warm-up");
        for (Worker w : workers) {
            cell(w, 16, 1000, run.quick ? 500 : WARM_UP_MILLIS);
            cell(w, 256, 1000, run.quick ? 500 : WARM_UP_256_MILLIS);
        }
        Map<String, List<Cell>> cells = new LinkedHashMap<>();
        Map<Integer, long[]> serverByConc = new LinkedHashMap<>();
        for (int r = 0; r < run.rounds; r++) {
            for (int c : run.concurrency) {
                RunAll.log("figure 2: round %d, %d callers", r + 1, c);
                for (Worker w : workers) {
                    Cell cell = cell(w, c, run.rampMillis, run.measureMillis);
                    cells.computeIfAbsent(w.name() + "@" + c, k -> new ArrayList<>()).add(cell);
                    long[] agg = serverByConc.computeIfAbsent(c, k -> new long[3]);
                    agg[0] += cell.serverCpuNanos();
                    agg[1] += cell.ops();
                    agg[2] += cell.serverWallNanos();
                }
            }
        }
        double maxServerCores = 0;
        for (var e : serverByConc.entrySet()) {
            run.serverLine("figure 2, " + e.getKey() + " callers (all contenders' cells)", e.getValue()[0], e.getValue()[1],
                    e.getValue()[2]);
        }
        for (List<Cell> l : cells.values()) {
            for (Cell c : l) {
                maxServerCores = Math.max(maxServerCores, c.serverCores());
            }
        }
        run.serverLines.add("| figure 2, busiest single cell | | " + Stats.f("%.2f", maxServerCores) + " |");

        StringBuilder s = new StringBuilder("## 2. Throughput: app info calls at 1, 16 and 256 concurrent callers\n\n");
        s.append("Each contender runs in its own process, started once and warmed up (1000 ms ramp + ").append(run.quick ? 500 : WARM_UP_MILLIS)
                .append(" ms at 16 callers, then 1000 ms ramp + ").append(run.quick ? 500 : WARM_UP_256_MILLIS)
                .append(" ms at 256 callers: from cold, calls/s at 256 callers settle only after about 40 s here); then ").append(run.rounds).append(" rounds, each running every contender in turn "
                        + "at 1, 16 and 256 callers for ").append(run.measureMillis).append(" ms (after a ").append(run.rampMillis)
                .append(" ms ramp at that concurrency). Calls/s = completed calls / wall time of the window; "
                        + "CPU/call = the contender process's CPU time in the window / calls (Java: "
                        + "`OperatingSystemMXBean.getProcessCpuTime`, Node: `process.cpuUsage`). Java workers `")
                .append(run.workerHeap).append("`, default GC; pools of up to 500 connections per host for heroku4j "
                        + "(its own pool) and the floor (Reactor Netty's global pool), so at 256 callers neither makes "
                        + "a call wait for a connection; the JDK HttpClient's own pool (no limit) for the blocking "
                        + "floor. node-heroku-client creates a new "
                        + "`http.Agent` per request, so it opens a new connection for every call.\n\n");
        s.append("| contender | threads | calls/s @1 | calls/s @16 | calls/s @256 |\n|---|---|---|---|---|\n");
        for (Worker w : workers) {
            s.append("| ").append(w.name()).append(" | ").append(w.threads());
            for (int c : run.concurrency) {
                Stats st = Stats.of(RunAll.map(cells.get(w.name() + "@" + c), Cell::callsPerSec));
                run.check("2 calls/s " + w.name() + " @" + c, st);
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
            for (int c : run.concurrency) {
                List<Cell> l = cells.get(w.name() + "@" + c);
                s.append(" | ").append(Stats.of(RunAll.map(l, Cell::cpuUsPerCall)).fmt("%.0f"));
                th.append(th.length() == 0 ? "" : " / ").append(Stats.of(RunAll.map(l, x -> (double) x.processThreads())).fmt("%.0f")
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
                + "ratios (each round runs both side by side). First `ReactiveHerokuClient` + `block()` (the target's "
                + "reference, the same code path as before the client had a blocking twin), then `HerokuClient`:\n\n");
        s.append("| ratio | @1 | @16 | @256 |\n|---|---|---|---|\n");
        Map<String, Double> medianRatios = new LinkedHashMap<>();
        boolean met = true;
        StringBuilder why = new StringBuilder();
        StringBuilder weak = new StringBuilder();
        StringBuilder blockingTargeted = new StringBuilder();
        for (String ref : List.of(W_HEROKU4J, W_BLOCKING)) {
            for (Worker w : workers) {
                boolean skip = ref.equals(W_HEROKU4J)
                        ? w.name().equals(W_HEROKU4J) || w.name().equals(W_BLOCKING) || w.name().equals(W_BLOCKING_FLOOR)
                        : w.name().equals(W_BLOCKING) || w.name().equals(W_FLOOR) || w.name().startsWith("heroku4j `ReactiveHerokuClient`, reactive");
                if (skip) {
                    continue;
                }
                s.append("| ").append(ref.equals(W_HEROKU4J) ? "`ReactiveHerokuClient` + `block()`" : "`HerokuClient`")
                        .append(" / ").append(w.name());
                for (int c : run.concurrency) {
                    List<Double> mine = RunAll.map(cells.get(ref + "@" + c), Cell::callsPerSec);
                    List<Double> theirs = RunAll.map(cells.get(w.name() + "@" + c), Cell::callsPerSec);
                    List<Double> perRound = new ArrayList<>();
                    for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                        perRound.add(mine.get(i) / theirs.get(i));
                    }
                    double ratio = Stats.of(mine).median() / Stats.of(theirs).median();
                    medianRatios.put(ref + " / " + w.name() + "@" + c, ratio);
                    Stats pr = Stats.of(perRound);
                    s.append(" | ").append(Stats.f("%.2f", ratio)).append(" (").append(Stats.f("%.2f", pr.min()))
                            .append("–").append(Stats.f("%.2f", pr.max())).append(")");
                    boolean targeted = c >= 16 && (w.name().startsWith("heroku.jar (as") || w.name().startsWith("node"));
                    if (targeted && ref.equals(W_BLOCKING)) {
                        blockingTargeted.append(blockingTargeted.length() == 0 ? "" : ", ").append(Stats.f("%.2f× ", ratio))
                                .append(w.name()).append(" @").append(c);
                    } else if (targeted) {
                        if (ratio < 2) {
                            met = false;
                            why.append(why.length() == 0 ? "" : "; ").append(Stats.f("%.2f× ", ratio)).append(w.name())
                                    .append(" @").append(c);
                        } else if (pr.min() < 2) {
                            weak.append(weak.length() == 0 ? "" : "; ").append(w.name()).append(" @").append(c)
                                    .append(Stats.f(" (%.2f×, per round %.2f–%.2f)", ratio, pr.min(), pr.max()));
                        }
                    }
                }
                s.append(" |\n");
            }
        }
        s.append('\n');
        // Context for a miss, from this run's own figures: can the hand-written floor reach 2x, and what does a call cost?
        String jar = workers.stream().map(Worker::name).filter(n -> n.startsWith("heroku.jar (as")).findFirst().orElse(null);
        StringBuilder context = new StringBuilder();
        if (!met && jar != null && cells.containsKey(W_FLOOR + "@16")) {
            Function<String, Double> calls = k -> Stats.of(RunAll.map(cells.get(k), Cell::callsPerSec)).median();
            Function<String, Double> cpu = k -> Stats.of(RunAll.map(cells.get(k), Cell::cpuUsPerCall)).median();
            context.append(Stats.f("; for comparison the floor reaches %.2f× heroku.jar @16; CPU per call @16: heroku4j "
                    + "%.0f µs, floor %.0f µs, heroku.jar %.0f µs, on %d cores", calls.apply(W_FLOOR + "@16") / calls.apply(jar
                    + "@16"), cpu.apply(W_HEROKU4J + "@16"), cpu.apply(W_FLOOR + "@16"), cpu.apply(jar + "@16"),
                    Runtime.getRuntime().availableProcessors()));
        }
        // Issue #12's target, each client against its own floor at 16 and 256 callers: figure 2's ratios of medians
        // here, the verdict from the paired rounds of figure 2d.
        String[] own = {"", ""};
        boolean blockingMet = true;
        String[][] pairs = {{W_HEROKU4J, W_FLOOR}, {W_BLOCKING, W_BLOCKING_FLOOR}};
        for (int k = 0; k < pairs.length; k++) {
            for (int c : new int[] {16, 256}) {
                Double x = medianRatios.get(pairs[k][0] + " / " + pairs[k][1] + "@" + c);
                if (x == null) {
                    continue;
                }
                own[k] += (own[k].isEmpty() ? "" : ", ") + Stats.f("@%d %.2f", c, x)
                        + (x >= 0.95 ? "" : Stats.f(" (%.0f%% under)", (1 - x / 0.95) * 100));
                blockingMet &= k == 0 || x >= 0.95;
            }
        }
        Worker heroku4j = workers.stream().filter(w -> w.name().equals(W_HEROKU4J)).findFirst().orElseThrow();
        Worker floor = workers.stream().filter(w -> w.name().equals(W_FLOOR)).findFirst().orElseThrow();
        s.append(new ThroughputPairs(run, this).figure2d(heroku4j, floor, own[0], own[1], blockingMet));
        for (Worker w : workers) {
            w.proc().send("QUIT");
            w.proc().waitFor(10);
        }
        run.verdicts.put("2. throughput heroku4j ≥ 2× heroku.jar and node-heroku-client @16 and @256",
                RunAll.verdict(met, "`ReactiveHerokuClient` + `block()`: " + (met ? "all ratios of medians ≥ 2" : "below 2× (ratio of medians): " + why)
                        + (weak.length() == 0 ? "" : "; not in every round: " + weak) + context
                        + "; `HerokuClient`: " + blockingTargeted));
        return s.toString();
    }

    Proc javaWorker(String contender, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(run.javaBin, run.workerHeap, "-Dbench.url=" + run.url));
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", run.cp, "dev.heroku4j.bench.worker.ThroughputWorker", contender));
        return Proc.start("worker-" + contender + (extra.isEmpty() ? "" : "-tuned"), run.logs, null, cmd);
    }

    Cell cell(Worker w, int concurrency, long ramp, long measure) throws Exception {
        w.proc().send("RUN " + concurrency + " " + ramp + " " + measure);
        w.proc().expect("MEASURING", 120);
        long s0 = run.serverCpu();
        long t0 = System.nanoTime();
        String[] r = w.proc().expect("RESULT", 120).split(" ");
        long s1 = run.serverCpu();
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
}
