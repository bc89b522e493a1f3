package dev.heroku4j.bench.throttle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.heroku4j.bench.Proc;
import dev.heroku4j.bench.RunAll;
import dev.heroku4j.client.testsupport.LocalPostgres;
import dev.heroku4j.client.testsupport.LocalRedis;

/**
 * Figure 7: the published method for client-side rate throttling (zombocom/rate_throttle_client, "Benchmarks"),
 * against heroku4j's throttles, all contenders in one run. A {@link GcraServer} in this JVM, a real redis-server
 * and PostgreSQL (Debian's binaries, started here), and 5 worker JVMs ({@link ThrottleWorker}): processes 1 and 2
 * run 5 clients of each 10-client contender (2 processes × 5 threads, as published), all 5 run 10 clients of the
 * scale-out row (50 clients in 5 processes). Every contender has an account of its own on the one server, so they
 * run side by side without sharing a quota. Real time, no time scale: {@code steadySeconds} from an empty bucket
 * (the published run: 30 minutes), then "time to clear": fresh clients, a full bucket that is never refilled, each
 * client until fewer than 10 are left, one contender after the other (the calls down to the threshold are CPU-bound,
 * and contenders running at once would slow each other there).
 */
public final class ThrottleFigure {

    static final List<String> TEN = List.of("retry-only", "local", "shared-redis", "shared-postgresql", "ruby");
    static final String FIFTY = "local-50";

    private final String javaBin;
    private final String cp;
    private final Path logs;
    private final Map<String, String> verdicts;
    private final int steadySeconds;

    public ThrottleFigure(String javaBin, String cp, Path logs, Map<String, String> verdicts, int steadySeconds) {
        this.javaBin = javaBin;
        this.cp = cp;
        this.logs = logs;
        this.verdicts = verdicts;
        this.steadySeconds = steadySeconds;
    }

    public String run() throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        long t0 = System.nanoTime();
        try (GcraServer server = new GcraServer(); LocalRedis redis = LocalRedis.started();
             LocalPostgres pg = LocalPostgres.started()) {
            List<Proc> workers = new ArrayList<>();
            for (int p = 1; p <= 5; p++) {
                List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-cp", cp,
                        ThrottleWorker.class.getName(), server.url(), redis.uri(), pg.jdbcUrl(), String.valueOf(p)));
                if (p <= 2) {
                    TEN.forEach(c -> cmd.add(c + ":5"));
                }
                cmd.add(FIFTY + ":10");
                workers.add(Proc.start("throttle-worker-" + p, logs, null, cmd));
            }
            for (Proc w : workers) {
                w.expect("READY", 120);
            }
            RunAll.log("figure 7: a client alone, throttle off and on (1,000 calls × 5 rounds each)");
            workers.get(0).send("ALONE 1000 5");
            collect(workers.get(0), alone, "ALONE", 600);
            RunAll.log("figure 7: steady state, %d s from an empty bucket, %d clients", steadySeconds, 10 * TEN.size() + 50);
            workers.forEach(w -> w.send("STEADY " + steadySeconds));
            for (Proc w : workers) {
                collect(w, lines, "CLIENT", steadySeconds + 300);
            }
            List<String> all = new ArrayList<>(TEN);
            all.add(FIFTY);
            for (String contender : all) {
                RunAll.log("figure 7: time to clear a full bucket of 4,500 that is never refilled: %s", contender);
                workers.forEach(w -> w.send("CLEAR " + contender));
                for (Proc w : workers) {
                    collect(w, lines, "CLIENT", 900);
                }
            }
            workers.forEach(w -> w.send("QUIT"));
            for (Proc w : workers) {
                w.waitFor(30);
            }
        }
        return ThrottleReport.render(lines, alone, steadySeconds, (System.nanoTime() - t0) / 60e9, verdicts);
    }

    private static void collect(Proc w, List<String> into, String prefix, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (true) {
            String line = w.expect("", Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L));
            if (line.equals("DONE")) {
                return;
            }
            if (line.startsWith(prefix)) {
                into.add(line);
            }
        }
    }

    /** Standalone: {@code ThrottleFigure [steadySeconds]}, printing the section. */
    public static void main(String[] args) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Path logs = Path.of("benchmarks/target/bench-logs");
        java.nio.file.Files.createDirectories(logs);
        Map<String, String> verdicts = new LinkedHashMap<>();
        System.out.println(new ThrottleFigure(javaBin, System.getProperty("java.class.path"), logs, verdicts,
                args.length > 0 ? Integer.parseInt(args[0]) : 360).run());
    }
}
