package dev.heroku4j.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.heroku4j.bench.jmh.AppInfoBenchmark;
import dev.heroku4j.bench.jmh.CpuTimeProfiler;
import dev.heroku4j.bench.jmh.FilterCostBenchmark;
import dev.heroku4j.bench.jmh.OverheadBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import dev.heroku4j.bench.RunAll.JmhSamples;

/**
 * Figures 1, 1b, 1d and 1c: one call at a time, each client next to its floor (JMH and paired blocks), and the diagnoses of where the difference goes.
 * Part of {@link RunAll}'s run: its settings, server and verdicts.
 */
final class PerCallFigure {

    private final RunAll run;

    PerCallFigure(RunAll run) {
        this.run = run;
    }

    /** Figure 1's four contenders: JMH method, label, and the floor it is paired with (null for a floor). */
    static final List<String[]> FIGURE1 = List.of(
            new String[]{"reactive", "heroku4j `ReactiveHerokuClient`: `heroku.app().appInfo(\"example\").block()`", "floor"},
            new String[]{"floor", "floor: `webClient.get().uri(\"/apps/{name}\", name).retrieve().bodyToMono(AppRecord.class).block()`", null},
            new String[]{"blocking", "heroku4j `HerokuClient`: `heroku.app().appInfo(\"example\")`", "blockingFloor"},
            new String[]{"blockingFloor", "blocking floor: `restClient.get().uri(\"/apps/{name}\", name).retrieve().body(AppRecord.class)` (JDK HttpClient)", null});

    String figure1() throws Exception {
        RunAll.log("figure 1: JMH, %d rounds of (reactive, floor, blocking, blocking floor forks) × %d iterations", run.jmhForks,
                run.jmhIterations);
        long cpu0 = run.serverCpu();
        long req0 = run.serverRequests();
        long t0 = System.nanoTime();
        JmhSamples j = new JmhSamples();
        String bm = AppInfoBenchmark.class.getName();
        for (int r = 0; r < run.jmhForks; r++) {
            RunAll.log("  round %d", r + 1);
            for (String[] c : FIGURE1) {
                run.jmh(bm + "\\." + c[0] + "$", 1, run.jmhIterations, "jmh-" + (r + 1) + "-" + c[0] + ".log", j);
            }
        }
        long wall = System.nanoTime() - t0;
        run.serverLine("figure 1 (JMH, sequential; whole run incl. fork start-up and warm-up)", run.serverCpu() - cpu0,
                run.serverRequests() - req0, wall);
        JmhSamples d = new JmhSamples();
        if (!run.quick) {
            RunAll.log("figure 1b: overhead breakdown, 1 fork each");
            run.jmh(OverheadBenchmark.class.getName() + "\\.", 1, 3, "jmh-overhead.log", d);
        }
        StringBuilder s = new StringBuilder("## 1. Per call: app info, sequential (JMH)\n\n");
        s.append("Two pairs, each heroku4j client next to the least its user could write by hand: "
                + "`ReactiveHerokuClient` + `block()` against the WebClient floor, and the blocking `HerokuClient` "
                + "against the RestClient floor (Spring MVC's blocking client on the JDK HttpClient, what Spring Boot "
                + "gives an MVC application without another HTTP client library). One caller thread, keep-alive. "
                + "JMH 1.37, mode AverageTime; ").append(run.jmhForks).append(" rounds, each one fork of every contender "
                        + "in the order of the table (so each pair sees the same machine load), each fork ")
                .append(run.jmhWarmup).append(" warm-up + ")
                .append(run.jmhIterations).append(" measured iterations of 1 s, fork JVM `-Xms512m -Xmx512m`. Figures: median "
                        + "(min–max) over all measured iterations. CPU = the fork's process CPU time (caller, event loop, "
                        + "GC, JIT) per call, from a small JMH profiler (`CpuTimeProfiler`); allocation = JMH's "
                        + "`gc.alloc.rate.norm`. Logs: `benchmarks/target/bench-logs/jmh-*.log`.\n\n");
        s.append("| contender | latency µs/call | CPU µs/call | allocated bytes/call |\n|---|---|---|---|\n");
        for (String[] c : FIGURE1) {
            String name = c[0];
            s.append("| ").append(c[1]).append(" | ").append(run.check("1 latency " + name, j.lat(name)).fmt("%.1f"))
                    .append(" | ").append(run.check("1 CPU " + name, j.cpu(name)).fmt("%.1f"))
                    .append(" | ").append(j.alloc(name).fmt("%.0f")).append(" |\n");
        }
        Map<String, double[]> ratio = new LinkedHashMap<>(); // heroku4j contender -> {lat, cpu, alloc, roundsLat min/max, roundsCpu min/max}
        for (String[] c : FIGURE1) {
            if (c[2] == null) {
                continue;
            }
            Stats latRounds = ratios(j.forkLat.get(c[0]), j.forkLat.get(c[2]));
            Stats cpuRounds = ratios(j.forkCpu.get(c[0]), j.forkCpu.get(c[2]));
            double[] r = {j.lat(c[0]).median() / j.lat(c[2]).median(), j.cpu(c[0]).median() / j.cpu(c[2]).median(),
                    j.alloc(c[0]).median() / j.alloc(c[2]).median(), latRounds.min(), latRounds.max(), cpuRounds.min(),
                    cpuRounds.max()};
            ratio.put(c[0], r);
            s.append("| **ratio ").append(c[0].equals("reactive") ? "`ReactiveHerokuClient` / floor" : "`HerokuClient` / blocking floor")
                    .append("** (of medians; per-round ratios in brackets) | **")
                    .append(Stats.f("%.2f", r[0])).append("** (").append(Stats.f("%.2f–%.2f", r[3], r[4]))
                    .append(") | **").append(Stats.f("%.2f", r[1])).append("** (")
                    .append(Stats.f("%.2f–%.2f", r[5], r[6])).append(") | ")
                    .append(Stats.f("%.2f", r[2])).append(" |\n");
        }
        s.append('\n');
        if (!d.lat.isEmpty()) {
            s.append("### 1b. Where the difference goes (diagnosis)\n\n");
            s.append("`OverheadBenchmark`: the same call with one heroku4j layer at a time, built through heroku-client's "
                    + "public builder (its filters left out through `webClientBuilder(..)`, see `TrimmedWebClientBuilder`; "
                    + "nothing edited); one fork each, 3 iterations, so latency and CPU are rough; "
                    + "allocation per call is deterministic and the column to read.\n\n");
            s.append("| variant | latency µs/call | CPU µs/call | allocated bytes/call |\n|---|---|---|---|\n");
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("floor", "floor (figure 1)");
            labels.put("floorOnHerokuConnector", "floor on heroku4j's connector (response timeout)");
            labels.put("generatedWithoutFilters", "generated `ReactiveAppApi` on heroku4j's engine with none of its filters, WebClient's default connector");
            labels.put("filtersWithoutGenerated", "heroku4j's API WebClient (its filters + connector), call written by hand");
            labels.put("heroku4jNoRetry", "`ReactiveHerokuClient` with `RetrySettings.disabled()`");
            labels.put("reactive", "`ReactiveHerokuClient` + `block()` (figure 1)");
            labels.put("blockingFloor", "blocking floor, JDK HttpClient (figure 1)");
            labels.put("blockingFloorOnReactorNetty", "blocking floor on Reactor Netty (`ReactorClientHttpRequestFactory`: what Boot's `RestClient.Builder` picks once heroku4j is on the classpath)");
            labels.put("blocking", "`HerokuClient` (figure 1)");
            for (var e : labels.entrySet()) {
                JmhSamples src = j.lat.containsKey(e.getKey()) ? j : d;
                s.append("| ").append(e.getValue()).append(" | ").append(src.lat(e.getKey()).fmt("%.0f"))
                        .append(" | ").append(src.cpu(e.getKey()).fmt("%.0f"))
                        .append(" | ").append(src.alloc(e.getKey()).fmt("%.0f")).append(" |\n");
            }
            s.append('\n');
        }
        // 1d: paired blocks in one JVM, one process per pair
        int pairs = run.quick ? 10 : 60;
        Map<String, Stats[]> paired = new LinkedHashMap<>();
        for (String kind : List.of("reactive", "blocking")) {
            RunAll.log("figure 1d: paired blocks, %s, %d pairs", kind, pairs);
            List<Double> pLat = new ArrayList<>();
            List<Double> pCpu = new ArrayList<>();
            Proc pr = Proc.start("paired-" + kind, run.logs, null, List.of(run.javaBin, "-Xms512m", "-Xmx512m", "-Dbench.url=" + run.url,
                    "-cp", run.cp, "dev.heroku4j.bench.jmh.PairedRun", Integer.toString(pairs), "200", run.quick ? "2000" : "20000",
                    kind));
            for (int i = 0; i < pairs; i++) {
                String[] f = pr.expect("PAIR", 120).split(" ");
                pLat.add(Double.parseDouble(f[1]));
                pCpu.add(Double.parseDouble(f[2]));
            }
            pr.expect("DONE", 30);
            pr.waitFor(30);
            paired.put(kind, new Stats[]{Stats.of(pLat), Stats.of(pCpu)});
        }
        s.append("### 1d. The same ratios, paired (complements the JMH figure on a shared machine)\n\n");
        s.append("`PairedRun`: one JVM per pair (`-Xms512m -Xmx512m`), both clients in it, warmed up for ").append(run.quick ? 2 : 20)
                .append(" s, then ").append(pairs).append(" pairs of 200 ms blocks of sequential calls, heroku4j and its floor "
                        + "back to back, the order flipped every pair. Each pair gives a ratio of two measurements "
                        + "taken within half a second of each other, so load that drifts over seconds cancels; "
                        + "quartiles show the spread.\n\n");
        s.append("| per pair | median | quartiles (25%–75%) | min–max |\n|---|---|---|---|\n");
        for (var e : paired.entrySet()) {
            String who = e.getKey().equals("reactive") ? "`ReactiveHerokuClient` / floor" : "`HerokuClient` / blocking floor";
            String[] what = {"latency per call", "CPU per call"};
            for (int k = 0; k < 2; k++) {
                Stats p = e.getValue()[k];
                s.append("| ").append(who).append(", ").append(what[k]).append(" | ").append(p.pairedCells("%.2f"))
                        .append(" |\n");
            }
        }
        s.append('\n');
        Stats pl = paired.get("reactive")[0];
        Stats pc = paired.get("reactive")[1];
        run.verdicts.put("1d. per call heroku4j / floor ≤ 1.15, paired blocks", RunAll.verdict(Math.max(pl.median(), pc.median()) <= 1.15,
                Stats.f("`ReactiveHerokuClient`: latency %.2f (quartiles %s), CPU %.2f (quartiles %s), median of %d pairs",
                        pl.median(), pl.quartileRange("%.2f"), pc.median(), pc.quartileRange("%.2f"), pairs)
                        + Stats.f("; `HerokuClient` / blocking floor (no target): latency %.2f, CPU %.2f",
                        paired.get("blocking")[0].median(), paired.get("blocking")[1].median())));

        double[] r = ratio.get("reactive");
        double latRatio = r[0];
        double cpuRatio = r[1];
        double worst = Math.max(latRatio, cpuRatio);
        boolean straddles = Math.min(r[3], r[5]) <= 1.15 && Math.max(r[4], r[6]) > 1.15;
        double[] b = ratio.get("blocking");
        run.verdicts.put("1. per call heroku4j / floor ≤ 1.15",
                RunAll.verdict(worst <= 1.15, Stats.f("`ReactiveHerokuClient`: latency %.2f, CPU %.2f (ratios of medians); allocation %.2f", latRatio,
                        cpuRatio, r[2])
                        + (worst <= 1.15 ? "" : Stats.f("; %.0f%% over the target", (worst / 1.15 - 1) * 100))
                        + (straddles ? Stats.f("; not conclusive: the per-round ratios range %.2f–%.2f (latency) and "
                        + "%.2f–%.2f (CPU)", r[3], r[4], r[5], r[6]) : "")
                        + Stats.f("; `HerokuClient` / blocking floor (no target): latency %.2f, CPU %.2f, allocation %.2f",
                        b[0], b[1], b[2])));
        // Issue #12's target: each client against its own floor, in the JMH figure and in the paired one.
        double[] worstOf = {Math.max(r[0], r[1]), Math.max(b[0], b[1]), Math.max(pl.median(), pc.median()),
                Math.max(paired.get("blocking")[0].median(), paired.get("blocking")[1].median())};
        boolean each = java.util.Arrays.stream(worstOf).allMatch(x -> x <= 1.10);
        run.verdicts.put("1/1d (#12). per call, each client / its floor ≤ 1.10, JMH and paired", RunAll.verdict(each, Stats.f(
                "`ReactiveHerokuClient` / WebClient floor: JMH %.2f, paired %.2f (allocation %.2f); `HerokuClient` / "
                + "RestClient floor: JMH %.2f, paired %.2f (allocation %.2f); worst of latency and CPU each",
                worstOf[0], worstOf[2], r[2], worstOf[1], worstOf[3], b[2])
                + (each ? "" : Stats.f("; the worst is %.0f%% over the target",
                        (java.util.Arrays.stream(worstOf).max().orElse(0) / 1.10 - 1) * 100))));
        return s.toString();
    }

    /** Diagnosis only (not in the default run): allocation per call with one filter left out. */
    String figure1c() throws Exception {
        RunAll.log("figure 1c: per-filter cost, 1 fork per variant");
        Options opt = new OptionsBuilder()
                .include(FilterCostBenchmark.class.getName() + "\\.")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Dbench.url=" + run.url, "-Xms512m", "-Xmx512m")
                .addProfiler(CpuTimeProfiler.class).addProfiler(GCProfiler.class)
                .shouldFailOnError(true).output(run.logs.resolve("jmh-filters.log").toString()).build();
        StringBuilder s = new StringBuilder("### 1c. Cost of each filter (diagnosis)\n\n");
        s.append("`FilterCostBenchmark`: the generated `appInfo` of `ReactiveHerokuClient` (+ `block()`) on heroku4j's "
                + "own engine with one of the filters it installs left out (removed from the engine's API WebClient "
                + "through `webClientBuilder(..)`, see `TrimmedWebClientBuilder`; \"allFilters\" = none installed; "
                + "`HerokuExchangeFilter` is everything per attempt that does not wait: headers and key, warnings, "
                + "rate-limit reading, request log, error mapping; without it the bearer header is a default header); "
                + "\"HerokuClient\" = all filters, "
                + "called through the blocking client (its thread check and call timeout on top of \"none\"). "
                + "One fork × 3 iterations each. Saving = allocation of \"none\" minus the variant's.\n\n| left out | latency µs/call | CPU µs/call | allocated bytes/call | saving bytes/call |\n"
                + "|---|---|---|---|---|\n");
        Map<String, double[]> rows = new LinkedHashMap<>();
        long cpu0 = run.serverCpu();
        long req0 = run.serverRequests();
        long t0 = System.nanoTime();
        Collection<RunResult> results = new Runner(opt).run();
        run.serverLine("figure 1c (JMH, sequential; whole run incl. fork start-up and warm-up)", run.serverCpu() - cpu0,
                run.serverRequests() - req0, System.nanoTime() - t0);
        for (RunResult rr : results) {
            String p = rr.getParams().getParam("without");
            List<Double> lat = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> alloc = new ArrayList<>();
            for (BenchmarkResult br : rr.getBenchmarkResults()) {
                for (IterationResult ir : br.getIterationResults()) {
                    lat.add(ir.getPrimaryResult().getScore());
                    cpu.add(ir.getSecondaryResults().get(CpuTimeProfiler.LABEL).getScore());
                    alloc.add(ir.getSecondaryResults().get("gc.alloc.rate.norm").getScore());
                }
            }
            rows.put(p, new double[]{Stats.of(lat).median(), Stats.of(cpu).median(), Stats.of(alloc).median()});
        }
        double all = rows.containsKey("none") ? rows.get("none")[2] : Double.NaN;
        rows.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(Stats.f("%.0f | %.0f | %.0f | %.0f", v[0], v[1],
                v[2], all - v[2])).append(" |\n"));
        s.append('\n');
        return s.toString();
    }

    static Stats ratios(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; a != null && b != null && i < Math.min(a.size(), b.size()); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return Stats.of(r);
    }
}
