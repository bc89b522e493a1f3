package dev.heroku4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.heroku4j.bench.ThroughputFigure.Cell;
import dev.heroku4j.bench.ThroughputFigure.Worker;

/**
 * Figure 2d: issue #12's throughput pair (`ReactiveHerokuClient` + `block()` and the WebClient floor) in many short
 * rounds, the two windows of a round back to back, the order flipped every round. Figure 2 gives each pair three
 * rounds, each with three other contenders' windows (some 6 s) between the two; on this shared 2-core machine its
 * per-round ratios spanned 0.81-1.12 in one run (2026-12-03), too wide for three rounds to tell 0.95 from 1.00. Many
 * rounds of two adjacent windows cancel load that drifts slower than a window, as figure 1d does for single calls.
 */
final class ThroughputPairs {

    /** Rounds of the full run: the median of 16 ratios, the quartiles show how far one round can be off. */
    private static final int ROUNDS = 16;

    private static final int[] CONCURRENCY = {16, 256};

    private final RunAll run;

    private final ThroughputFigure figure;

    ThroughputPairs(RunAll run, ThroughputFigure figure) {
        this.run = run;
        this.figure = figure;
    }

    /**
     * Runs the rounds on the two warm workers, puts #12's throughput verdict and returns the section. The verdict's
     * other half comes from figure 2: its ratios of medians, as text, and whether {@code HerokuClient} reached 0.95 of
     * the RestClient floor at 16 and 256 callers.
     */
    String figure2d(Worker heroku4j, Worker floor, String figure2Ratios, String blockingRatios, boolean blockingMet)
            throws Exception {
        int rounds = run.quick ? 2 : ROUNDS;
        Map<Integer, Stats> ratios = new LinkedHashMap<>();
        for (int c : CONCURRENCY) {
            RunAll.log("figure 2d: %d paired rounds, %d callers", rounds, c);
            List<Double> perRound = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Cell mine;
                Cell theirs;
                if (r % 2 == 0) {
                    mine = figure.cell(heroku4j, c, run.rampMillis, run.measureMillis);
                    theirs = figure.cell(floor, c, run.rampMillis, run.measureMillis);
                }
                else {
                    theirs = figure.cell(floor, c, run.rampMillis, run.measureMillis);
                    mine = figure.cell(heroku4j, c, run.rampMillis, run.measureMillis);
                }
                perRound.add(mine.callsPerSec() / theirs.callsPerSec());
            }
            ratios.put(c, Stats.of(perRound));
        }
        StringBuilder s = new StringBuilder("### 2d. Issue #12's throughput pair, paired rounds\n\n");
        s.append(heroku4j.name()).append(" and the ").append(floor.name())
                .append(", the same warm workers as figure 2, right after it: ").append(rounds)
                .append(" rounds per concurrency, each one window of each (").append(run.rampMillis).append(" ms ramp + ")
                .append(run.measureMillis).append(" ms) back to back, the order flipped every round; a round's ratio "
                        + "is heroku4j's calls/s over the floor's. Figure 2 has " + run.rounds + " rounds of the pair, with other "
                        + "contenders' windows between its two, and on this shared machine one round's ratio can be 15% "
                        + "off; many rounds of two adjacent windows let load that drifts slower than a window cancel, "
                        + "as figure 1d does for single calls.\n\n");
        s.append("| per round, calls/s heroku4j / floor | median | quartiles (25%–75%) | min–max |\n|---|---|---|---|\n");
        boolean met = blockingMet;
        List<String> perConcurrency = new ArrayList<>();
        for (var e : ratios.entrySet()) {
            Stats p = e.getValue();
            s.append("| ").append(e.getKey()).append(" callers | ").append(p.pairedCells("%.2f")).append(" |\n");
            met &= p.median() >= 0.95;
            perConcurrency.add(Stats.f("@%d: %.2f (quartiles %s)", e.getKey(), p.median(), p.quartileRange("%.2f")) + (p.median() >= 0.95 ? "" : Stats.f(", %.0f%% under", (1 - p.median() / 0.95) * 100)));
        }
        s.append('\n');
        run.verdicts.put("2 (#12). throughput, each client / its floor ≥ 0.95 @16 and @256", RunAll.verdict(met,
                "`ReactiveHerokuClient` + `block()` / WebClient floor, paired rounds (2d) " + String.join("; ", perConcurrency)
                        + ", median of " + rounds + " rounds each; figure 2's ratio of medians " + figure2Ratios
                        + "; `HerokuClient` / RestClient floor (figure 2) " + blockingRatios));
        return s.toString();
    }
}
