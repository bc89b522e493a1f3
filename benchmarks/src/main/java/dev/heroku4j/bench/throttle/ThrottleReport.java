package dev.heroku4j.bench.throttle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Figure 7's section of RESULTS.md, from the workers' CLIENT and ALONE lines, with the targets of issue #14. */
final class ThrottleReport {

    private ThrottleReport() {
    }

    record Client(String phase, String contender, long requests, long limited, long failed, double maxSleep,
                  double elapsedSeconds) {
        static Client parse(String line) {
            String[] f = line.split(" ");
            return new Client(f[1], f[2], Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                    Double.parseDouble(f[8]), Long.parseLong(f[9]) / 1000.0);
        }

        double retryRatio() {
            return requests == 0 ? 0 : (double) limited / requests;
        }
    }

    record Row(int clients, double retryRate, double maxSleep, double meanRequests, double stdev, long failed,
               long requests, long limited, double clear) {
    }

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("retry-only", "retry only (throttle off: heroku4j's default before #14)");
        LABELS.put("local", "local throttle (`AdaptiveThrottle`, defaults)");
        LABELS.put("shared-redis", "shared throttle, Redis (Bucket4j Lettuce)");
        LABELS.put("shared-postgresql", "shared throttle, PostgreSQL (Bucket4j advisory lock)");
        LABELS.put("ruby", "anchor: Ruby's EIPRD, re-implemented here");
        LABELS.put("local-50", "scale-out: local throttle, 50 clients in 5 processes");
    }

    static String render(List<String> lines, List<String> alone, int steadySeconds, double minutes,
                         Map<String, String> verdicts) {
        List<Client> clients = lines.stream().map(Client::parse).toList();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String c : LABELS.keySet()) {
            List<Client> steady = clients.stream().filter(x -> x.phase.equals("steady") && x.contender.equals(c)).toList();
            List<Client> clear = clients.stream().filter(x -> x.phase.equals("clear") && x.contender.equals(c)).toList();
            if (steady.isEmpty()) {
                continue;
            }
            double mean = steady.stream().mapToLong(Client::requests).average().orElse(0);
            double var = steady.stream().mapToDouble(x -> (x.requests - mean) * (x.requests - mean)).sum()
                    / Math.max(1, steady.size() - 1);
            rows.put(c, new Row(steady.size(), steady.stream().mapToDouble(Client::retryRatio).average().orElse(0),
                    steady.stream().mapToDouble(Client::maxSleep).max().orElse(0), mean, Math.sqrt(var),
                    steady.stream().mapToLong(Client::failed).sum(), steady.stream().mapToLong(Client::requests).sum(),
                    steady.stream().mapToLong(Client::limited).sum(),
                    clear.stream().mapToDouble(Client::elapsedSeconds).max().orElse(Double.NaN)));
        }
        StringBuilder s = new StringBuilder("## 7. One quota, many clients: the published throttling method (issue #14)\n\n");
        s.append("The method of zombocom/rate_throttle_client's README (\"Benchmarks\"), re-made here: a GCRA server "
                + "(`throttle/GcraServer`: 4,500 per account, one token every 0.8 s, 429 with `Retry-After`, "
                + "`GET /account/rate-limits` free), 10 clients = 2 processes × 5 threads, one `HerokuClient` each, "
                + "`appInfo` in a loop from an empty bucket; per client: retry ratio (429s / requests), max sleep "
                + "(longest time between a response and the client's next request, whatever slept), request count; "
                + "reported: average retry rate, max sleep, standard deviation of the request count. \"Time to clear\": "
                + "fresh clients, a full bucket that is never refilled, each client until a response says fewer than "
                + "10 are left; the time until the last one stops, one contender at a time. Every contender has its own account on the one "
                + "server and runs at the same time as the others (`throttle/ThrottleFigure`, `throttle/ThrottleWorker`). "
                + "**Real time, no time scale, " + steadySeconds + " s** per steady-state run (published: 30 min), "
                + "so request counts (and their standard deviation) are about " + Math.round(1800.0 / steadySeconds)
                + "× smaller than published; the coefficient of variation (stdev / mean) compares across durations. "
                + "The anchor row is this project's re-implementation of Ruby's "
                + "ExponentialIncreaseProportionalRemainingDecrease from its published description (`throttle/RubyStrategy`); "
                + "**the published figures are the reference**: 3.07 % retries, 17.32 s max sleep, stdev 78.44 "
                + "(mean ≈ 231 requests: CV ≈ 0.34), 84.23 s to clear. Whole figure: "
                + String.format(Locale.ROOT, "%.1f", minutes) + " min.\n\n");
        s.append("| contender | clients | retry rate | max sleep | requests per client (mean) | stdev | CV | calls failed | time to clear |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach((c, r) -> s.append(String.format(Locale.ROOT, "| %s | %d | %.2f %% | %.2f s | %.1f | %.2f | %.2f | %d | %.2f s |%n",
                LABELS.get(c), r.clients, r.retryRate * 100, r.maxSleep, r.meanRequests, r.stdev,
                r.meanRequests == 0 ? 0 : r.stdev / r.meanRequests, r.failed, r.clear)));
        s.append("| published: Ruby's EIPRD (30 min, the reference) | 10 | 3.07 % | 17.32 s | ≈ 231 | 78.44 | ≈ 0.34 | | 84.23 s |\n");
        s.append("| published: plain exponential backoff | 10 | 80.41 % | 46.72 s | ≈ 1,141 | 147.84 | ≈ 0.13 | | 74.33 s |\n\n");
        s.append("\"calls failed\": calls that ended in an exception (`HerokuRateLimitException` once retries ran out). "
                + "The optimum for 10 clients is 0 % retries and 8 s between calls per client.\n\n");
        if (!alone.isEmpty()) {
            Map<String, List<Long>> us = new LinkedHashMap<>();
            for (String l : alone) {
                String[] f = l.split(" ");
                us.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Long.parseLong(f[3]));
            }
            s.append("A client alone (`ALONE`): one `HerokuClient`, a full bucket, 1,000 sequential calls, throttle off "
                    + "and on alternately, 5 rounds; µs per call (median, min–max; the local throttle's first call "
                    + "includes its free probe):\n\n| throttle | µs per call |\n|---|---|\n");
            us.forEach((k, v) -> {
                List<Long> sorted = v.stream().sorted().toList();
                s.append(String.format(Locale.ROOT, "| %s | %d (%d–%d) |%n", k, sorted.get(sorted.size() / 2),
                        sorted.get(0), sorted.get(sorted.size() - 1)));
            });
            s.append('\n');
        }
        verdicts(rows, s, verdicts);
        return s.toString();
    }

    private static void verdicts(Map<String, Row> rows, StringBuilder s, Map<String, String> verdicts) {
        s.append("| target (issue #14) | result | verdict |\n|---|---|---|\n");
        Row local = rows.get("local");
        if (local != null) {
            line(s, verdicts, "local throttle: retry rate ≤ 1 % (anchor 3.07 %)", pct(local.retryRate), local.retryRate <= 0.01);
            line(s, verdicts, "local throttle: max sleep ≤ 12 s (17.32)", sec(local.maxSleep), local.maxSleep <= 12);
            line(s, verdicts, "local throttle: stdev of request count ≤ 40 (78.44)", num(local.stdev)
                    + " (CV " + num(local.stdev / Math.max(1, local.meanRequests)) + ", published CV ≈ 0.34)", local.stdev <= 40);
            line(s, verdicts, "local throttle: time to clear ≤ 60 s (84.23)", sec(local.clear), local.clear <= 60);
        }
        for (String c : List.of("shared-redis", "shared-postgresql")) {
            Row r = rows.get(c);
            if (r != null) {
                line(s, verdicts, c + ": retry rate ≤ 0.1 %", pct(r.retryRate), r.retryRate <= 0.001);
                line(s, verdicts, c + ": stdev of request count ≤ 10", num(r.stdev), r.stdev <= 10);
            }
        }
        s.append('\n');
    }

    private static void line(StringBuilder s, Map<String, String> verdicts, String target, String result, boolean met) {
        String v = met ? "**met**" : "**missed**";
        s.append("| ").append(target).append(" | ").append(result).append(" | ").append(v).append(" |\n");
        verdicts.put("7: " + target, v + ": " + result);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", v * 100);
    }

    private static String sec(double v) {
        return String.format(Locale.ROOT, "%.2f s", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
