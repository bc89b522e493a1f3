package dev.heroku4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figure 3: paging 100,000 apps, heap growth and whether the first item arrives before page 2 is asked for.
 * Part of {@link RunAll}'s run: its settings, server and verdicts.
 */
final class PagingFigure {

    private final RunAll run;

    PagingFigure(RunAll run) {
        this.run = run;
    }

    String figure3() throws Exception {
        RunAll.log("figure 3: paging, %d runs per mode (+ as many probe runs)", run.pagingRuns);
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        Map<String, List<Double>> probes = new LinkedHashMap<>();
        long sCpu = 0;
        long sReq = 0;
        long sWall = 0;
        for (int r = 0; r < run.pagingRuns; r++) {
            for (String mode : List.of("stream", "collect", "blocking", "stream probe", "collect probe", "blocking probe")) {
                run.get("/_bench/pagelog");
                long c0 = run.serverCpu();
                long q0 = run.serverRequests();
                long t0 = System.nanoTime();
                List<String> cmd = new ArrayList<>(List.of(run.javaBin, "-Xmx" + run.pagingXmx, "-Dbench.url=" + run.url,
                        "-cp", run.cp, "dev.heroku4j.bench.paging.PagingRun"));
                cmd.addAll(List.of(mode.split(" ")));
                Proc p = Proc.start("paging-" + mode.replace(' ', '-'), run.logs, null, cmd);
                String[] res = p.expect("RESULT", 300).split(" ");
                p.waitFor(30);
                RunAll.log("  %s: %s", mode, String.join(" ", res));
                String base = mode.split(" ")[0];
                if (mode.endsWith("probe")) {
                    probes.computeIfAbsent(base, k -> new ArrayList<>()).add(Long.parseLong(res[8]) / 1048576.0);
                    continue;
                }
                sWall += System.nanoTime() - t0;
                sCpu += run.serverCpu() - c0;
                sReq += run.serverRequests() - q0;
                Map<Integer, Long> pageTimes = new LinkedHashMap<>();
                for (String line : run.get("/_bench/pagelog").split("\n")) {
                    if (!line.isBlank()) {
                        String[] f = line.trim().split(" ");
                        pageTimes.putIfAbsent(Integer.parseInt(f[0]), Long.parseLong(f[1]));
                    }
                }
                long start = Long.parseLong(res[2]);
                long first = Long.parseLong(res[3]);
                long end = Long.parseLong(res[4]);
                long page2 = pageTimes.getOrDefault(1, Long.MAX_VALUE);
                runs.computeIfAbsent(base, k -> new ArrayList<>()).add(new double[]{
                        Long.parseLong(res[1]), (first - start) / 1000.0, (end - start) / 1000.0,
                        page2 == Long.MAX_VALUE ? Double.NaN : (page2 - start) / 1000.0,
                        Long.parseLong(res[5]) / 1048576.0, Long.parseLong(res[6]) / 1048576.0,
                        Long.parseLong(res[7]), pageTimes.size(), (page2 - first) / 1000.0});
            }
        }
        run.serverLine("figure 3 (paging, timing runs incl. JVM start)", sCpu, sReq, sWall);
        StringBuilder s = new StringBuilder("## 3. Paging: 100,000 apps in pages of 1,000\n\n");
        s.append("`heroku.app().appList(Range.by(\"id\").withMax(1000))`: the server answers ")
                .append(run.pages).append(" pages of 1,000 apps (875 KB each; 206 + `Next-Range`, the last one 200). "
                        + "**stream** iterates the `ReactiveHerokuClient`'s lazy `PagedFlux` (`toIterable()`, Reactor's "
                        + "default prefetch of 256) and reads each app's name; **collect** does `collectList().block()` "
                        + "on it first, then iterates; **blocking** iterates the `HerokuClient`'s `PagedIterable` (a page "
                        + "is requested when iteration goes past the items it has). Fresh JVM per "
                        + "run, `-Xmx").append(run.pagingXmx).append("`, default GC (G1), ").append(run.pagingRuns)
                .append(" timing runs and ").append(run.pagingRuns).append(" probe runs per mode. Heap growth is against the "
                        + "heap used after `System.gc()` with the client built and one call made:\n\n"
                        + "- **live (probe)**: a separate run has a thread force a full GC every 100 ms (and once at the "
                        + "end, before the collected list is dropped) and read the used heap right after it: what is "
                        + "really alive at random points of the page cycle, page decoding included. This is the figure "
                        + "the 32 MB target is judged on;\n"
                        + "- **after GC**: the highest heap-after-GC of the timing runs (GC notifications); with G1's young "
                        + "collections this still counts garbage that was promoted and not yet collected;\n"
                        + "- **sampled peak**: the highest used heap read every 1 ms (garbage included).\n\n"
                        + "Times are from subscribing; page 2 = the server's receive time of the second list request "
                        + "(epoch µs, read in both processes).\n\n");
        s.append("| mode | first item (ms) | page 2 requested (ms) | first item before page 2 | total (ms) "
                + "| live growth, probe (MB) | after-GC growth (MB) | sampled peak growth (MB) | GCs | items / list requests |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        boolean heapOk = true;
        boolean firstOk = true;
        String heapText = "";
        String firstText = "";
        for (var e : runs.entrySet()) {
            List<double[]> l = e.getValue();
            Function<Integer, Stats> col = i -> Stats.of(l.stream().map(a -> a[i]).toList());
            long before = l.stream().filter(a -> a[8] > 0).count();
            Stats probe = run.check("3 live growth " + e.getKey(), Stats.of(probes.getOrDefault(e.getKey(), List.of())));
            s.append("| ").append(e.getKey())
                    .append(" | ").append(run.check("3 first item " + e.getKey(), col.apply(1)).fmt("%.0f"))
                    .append(" | ").append(col.apply(3).fmt("%.0f"))
                    .append(" | ").append(before).append(" of ").append(l.size()).append(" runs; by ")
                    .append(col.apply(8).fmt("%.0f").replace(" ⚠", "")).append(" ms")
                    .append(" | ").append(run.check("3 total " + e.getKey(), col.apply(2)).fmt("%.0f"))
                    .append(" | ").append(probe.fmt("%.1f"))
                    .append(" | ").append(col.apply(4).fmt("%.1f"))
                    .append(" | ").append(col.apply(5).fmt("%.1f"))
                    .append(" | ").append(col.apply(6).fmt("%.0f"))
                    .append(" | ").append(Stats.f("%.0f / %.0f", col.apply(0).median(), col.apply(7).median()))
                    .append(" |\n");
            if (e.getKey().equals("stream")) {
                heapOk = probe.max() <= 32;
                heapText = Stats.f("live growth (full-GC probe) %.1f MB at most, median %.1f MB; after-GC growth in "
                        + "timing runs median %.1f MB", probe.max(), probe.median(), col.apply(4).median());
                firstOk = before == l.size();
                firstText = before + " of " + l.size() + " runs; the first item reached the caller "
                        + Stats.f("%.0f ms", col.apply(8).median()) + " before the server received the page 2 request (median)";
            }
        }
        s.append("\n\"by\" = page 2 request time − first item time; negative means page 2 was requested first.\n\n");
        run.verdicts.put("3a. paging heap growth ≤ 32 MB (stream)", RunAll.verdict(heapOk, heapText));
        run.verdicts.put("3b. first item before page 2 is requested", RunAll.verdict(firstOk, firstText));
        return s.toString();
    }
}
