package dev.heroku4j.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures 4 and 4b: start-up of a minimal Spring Boot app with and without heroku4j, and the cold client step by step.
 * Part of {@link RunAll}'s run: its settings, server and verdicts.
 */
final class StartupFigure {

    private final RunAll run;

    StartupFigure(RunAll run) {
        this.run = run;
    }

    String figure4() throws Exception {
        Path app = run.bench.resolve("startup-app");
        String base = app.resolve("target/classes") + File.pathSeparator + app.resolve("target/lib") + File.separator + "*";
        Path starterLib = run.bench.resolve("startup-app-starter/target/lib");
        boolean starter = Files.isDirectory(starterLib);
        String starterCp = app.resolve("target/classes") + File.pathSeparator + starterLib + File.separator + "*";
        List<String> modes = new ArrayList<>(List.of("none", "manual", "lazy"));
        if (starter) {
            modes.addAll(List.of("starterOff", "starter"));
        }
        RunAll.log("figure 4: start-up, %d runs × %s", run.startupRuns, modes);
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        for (int i = 0; i < run.startupRuns; i++) {
            for (String mode : modes) {
                boolean starterCpMode = mode.startsWith("starter");
                List<String> cmd = new ArrayList<>(List.of(run.javaBin, "-cp", starterCpMode ? starterCp : base,
                        "dev.heroku4j.bench.startup.StartupApp", mode.equals("starterOff") ? "none" : mode,
                        "--bench.url=" + run.url));
                if (mode.equals("starterOff")) {
                    cmd.add("--heroku.enabled=false"); // the starter's classpath, heroku4j's auto-configuration off
                } else if (mode.equals("starter")) {
                    String custom = System.getenv("BENCH_STARTER_ARGS"); // e.g. "--heroku.key={key} --heroku.url={url}"
                    String args = custom != null ? custom : "--heroku.api-key={key} --heroku.base-url={url}";
                    cmd.addAll(List.of(args.replace("{key}", RunAll.KEY).replace("{url}", run.url).split(" ")));
                }
                long t0 = System.nanoTime();
                Proc p = Proc.start("startup-" + mode, run.logs, null, cmd);
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
                + "Fresh JVM per start, default flags, ").append(run.startupRuns).append(" starts per variant, "
                        + "variants alternating. **context start** = `SpringApplication.run` duration; **JVM uptime at "
                        + "ready** = `RuntimeMXBean.getUptime()` when `run` returned; **process wall** = launch to exit "
                        + "(includes the first call and shutdown); **first call** = getting the bean from the context "
                        + "and the first `appInfo(\"example\")` of the (blocking) `HerokuClient` bean after start. "
                        + "`HerokuClient` makes its WebClient "
                        + "at its first call (or `prepare()`); the starter's client prepares itself on a background "
                        + "thread once the context is refreshed, and warms the engine on another "
                        + "(an in-memory dry run, nothing sent). \"starter, heroku4j off\" is the starter's classpath "
                        + "(Boot's WebClient, HTTP client, codec and Jackson modules, Reactor Netty, heroku-client) with "
                        + "`heroku.enabled=false`: what the dependencies cost before heroku4j makes anything.\n\n");
        if (!starter) {
            s.append("**The starter is not measured yet**: `heroku-spring-boot-starter` is not in this tree. "
                    + "\"manual\" defines the client by hand (`@Bean HerokuClient` from `HerokuClient.builder()`), "
                    + "standing in for it. When the module exists, `benchmarks/run.sh` builds "
                    + "`benchmarks/startup-app-starter` and this table gains a \"starter\" row.\n\n");
        }
        s.append("| variant | context start (ms) | JVM uptime at ready (ms) | process wall (ms) | first call (ms) |\n|---|---|---|---|---|\n");
        Map<String, String> labels = Map.of("none", "without heroku4j", "manual",
                "with a `HerokuClient` bean by hand (`HerokuClient.builder()...build()`)",
                "lazy", "with the same bean, `@Lazy`", "starterOff", "starter, heroku4j off (`heroku.enabled=false`)",
                "starter", "with heroku-spring-boot-starter");
        for (String mode : modes) {
            List<double[]> l = runs.get(mode);
            Function<Integer, Stats> col = i -> Stats.of(l.stream().map(a -> a[i]).toList());
            s.append("| ").append(labels.get(mode)).append(" | ").append(run.check("4 context " + mode, col.apply(0)).fmt("%.0f"))
                    .append(" | ").append(col.apply(1).fmt("%.0f"))
                    .append(" | ").append(col.apply(3).fmt("%.0f"))
                    .append(" | ").append(mode.equals("none") || mode.equals("starterOff") ? "n/a" : run.check("4 first call " + mode, col.apply(2)).fmt("%.0f"))
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
            if (mode.equals("starter")) {
                double off = Stats.of(runs.get("starterOff").stream().map(a -> a[0]).toList()).median();
                run.verdicts.put("4. starter adds ≤ 100 ms to start-up", RunAll.verdict(m - none <= 100,
                        Stats.f("+%.0f ms context start: the starter's dependencies with heroku4j off +%.0f ms, "
                                + "heroku4j's auto-configuration on top of them %+.0f ms", m - none, off - none, m - off)));
            } else if (!starter) {
                run.verdicts.put("4. (stand-in) hand-defined HerokuClient bean" + (mode.equals("lazy") ? ", `@Lazy`," : "")
                        + " adds ≤ 100 ms to start-up", RunAll.verdict(m - none <= 100, Stats.f("+%.0f ms context start; "
                        + "the starter itself is not measured yet", m - none)));
            }
        }
        if (!starter) {
            run.verdicts.put("4. starter adds ≤ 100 ms to start-up", "NOT MEASURED: heroku-spring-boot-starter is not in this tree");
        }
        s.append('\n');
        s.append(figure4b());
        return s.toString();
    }

    String figure4b() throws Exception {
        int n = run.quick ? 1 : 3;
        RunAll.log("figure 4b: cold client construction breakdown, %d fresh JVMs per mode", n);
        Map<String, Map<String, List<Double>>> steps = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            for (String mode : List.of("heroku4j", "floor")) {
                Proc p = Proc.start("breakdown-" + mode, run.logs, null, List.of(run.javaBin, "-Dbench.url=" + run.url, "-cp", run.cp,
                        "dev.heroku4j.bench.startup.ClientStartBreakdown", mode));
                String[] r = p.expect("RESULT", 120).split(" ");
                p.waitFor(30);
                for (int k = 1; k < r.length; k++) {
                    String[] kv = r[k].split("=");
                    steps.computeIfAbsent(mode, x -> new LinkedHashMap<>())
                            .computeIfAbsent(kv[0], x -> new ArrayList<>()).add(Double.parseDouble(kv[1]));
                }
            }
        }
        StringBuilder s = new StringBuilder("### 4b. Cold client construction and first call, step by step (diagnosis)\n\n");
        s.append("`ClientStartBreakdown`, no Spring, fresh JVM each, ").append(n).append(" runs per mode: the steps "
                + "`HerokuClient.builder()...build()` and its first use take, through public API, in their order, timed one by one (each step pays for the classes it loads "
                + "first), then the first call; `classes` = classes loaded by the end.\n\n");
        s.append("| mode | step | ms |\n|---|---|---|\n");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("config", "`HerokuClient.builder().apiKey(..).baseUrl(..).config()` (the `HerokuConfig`: key resolver, defaults)");
        labels.put("engine", "`ReactiveHerokuClient.create(config)` (the engine, `HerokuTransport`, whose WebClients are made on first use; generated `ReactiveHerokuApis`)");
        labels.put("blockingView", "`reactive.blocking()` (the `HerokuClient` on the same engine; generated `HerokuApis`)");
        labels.put("prepare", "`prepare()` (the API WebClient: connector, codecs, filters; the stream WebClient only when streaming or uploading)");
        labels.put("firstCall", "first `appInfo(\"example\")` call");
        labels.put("secondClient", "a second `HerokuClient.builder()...build().prepare()` (classes loaded)");
        labels.put("secondClientFirstCall", "its first call (new connection)");
        labels.put("construct", "`new Floor(..)` (WebClient + Jackson 3 mapper)");
        labels.put("classes", "classes loaded");
        for (var m : steps.entrySet()) {
            for (var e : m.getValue().entrySet()) {
                s.append("| ").append(m.getKey()).append(" | ").append(labels.getOrDefault(e.getKey(), e.getKey()))
                        .append(" | ").append(Stats.of(e.getValue()).fmt("%.0f")).append(" |\n");
            }
        }
        s.append('\n');
        return s.toString();
    }
}
