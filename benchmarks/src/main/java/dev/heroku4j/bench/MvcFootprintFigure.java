package dev.heroku4j.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import dev.heroku4j.bench.jmh.ConnectorBenchmark;

import dev.heroku4j.bench.RunAll.JmhSamples;

/**
 * Figure 6: a Spring MVC application with and without the starter: fat jar, start-up, first call, both connectors.
 * Part of {@link RunAll}'s run: its settings, server and verdicts.
 */
final class MvcFootprintFigure {

    /** Variants, in the order even rounds start them (odd rounds start them in reverse). */
    private static final List<String> MODES = List.of("without", "webflux", "webclient", "jdk", "starter",
            "starterNoPreinit", "starterLater", "starterLaterNoPreinit");

    /** Variants that only start (no Heroku call, no first-call figure); every other one makes the first call. */
    private static final Set<String> NO_CALL = Set.of("without", "webflux");

    private static final Map<String, String> LABELS = Map.of(
            "without", "without heroku4j",
            "webflux", "engine libraries: spring-webflux and Reactor on the classpath, no Boot module, no call (no heroku4j)",
            "webclient", "WebClient floor: Boot's WebClient modules only, first call by hand (no heroku4j)",
            "jdk", "JDK floor: the same application, first call by hand on the JDK's `HttpClient` alone (no WebClient)",
            "starter", "with heroku-spring-boot-starter (JDK HttpClient connector)",
            "starterNoPreinit", "the same, `--heroku.preinitialize=false` (no background dry run)",
            "starterLater", "with the starter, first call 3 s after start",
            "starterLaterNoPreinit", "the same, `--heroku.preinitialize=false`");

    private final RunAll run;

    MvcFootprintFigure(RunAll run) {
        this.run = run;
    }

    /** A Spring MVC application with and without the starter: fat jar, start-up, first call; both connectors per call. */
    String figure6() throws Exception {
        Path without = execJar(run.bench.resolve("mvc-app/target"));
        Path with = execJar(run.bench.resolve("mvc-app-starter/target"));
        Path floor = execJar(run.bench.resolve("mvc-app-webclient/target"));
        Path libraries = execJar(run.bench.resolve("mvc-app-webflux/target"));
        StringBuilder s = new StringBuilder("## 6. A Spring MVC application: footprint of the starter\n\n");
        if (without == null || with == null || floor == null || libraries == null) {
            run.verdicts.put("6. MVC app: starter adds ≤ 8 MB to the fat jar", "NOT MEASURED: build benchmarks/mvc-app, mvc-app-starter, mvc-app-webflux and mvc-app-webclient (run.sh)");
            return s.append("**Not measured**: the executable jars of `benchmarks/mvc-app`, `benchmarks/mvc-app-starter`, `benchmarks/mvc-app-webflux` or `benchmarks/mvc-app-webclient` are missing.\n\n").toString();
        }
        // The executable jar each variant starts: the starter's unless named here.
        Map<String, Path> jars = Map.of("without", without, "webflux", libraries, "webclient", floor, "jdk", floor);
        double[] a = jarFigures(without);
        double[] b = jarFigures(with);
        double[] w = jarFigures(floor);
        s.append("`MvcApp` (`benchmarks/mvc-app`): `@SpringBootApplication` + `@RestController` with one endpoint, "
                + "`spring-boot-starter-webmvc` only (Tomcat on 127.0.0.1, random port), packaged by "
                + "`spring-boot-maven-plugin` (`-exec.jar`); `MvcStarterApp` (`benchmarks/mvc-app-starter`) is the same "
                + "application plus `heroku-spring-boot-starter`, and after start asks the context for the starter's "
                + "`HerokuClient` and makes the first `appInfo(\"example\")` on the loopback server. Once the context is "
                + "refreshed the starter warms its engine on a background thread (`HerokuClientPreparer`: an in-memory "
                + "dry run, nothing sent); the third variant switches that off. The last two make the first call 3 s after start "
                + "(`-Dbench.firstCallPauseMillis=3000`), as a service's first Heroku call usually comes a little later; "
                + "their start-up columns include nothing of the pause, their process wall does. The WebClient floor "
                + "(`benchmarks/mvc-app-webclient`, `MvcWebClientApp`) is the same application plus Boot's "
                + "`spring-boot-starter-webclient` without Reactor Netty (the Boot modules the starter brings, nothing of "
                + "heroku4j), making the same first call by hand on Boot's `WebClient.Builder`: what any client on Spring's "
                + "WebClient costs a Spring MVC application. The JDK floor is the same jar making the same call on the JDK's "
                + "`java.net.http.HttpClient` alone (`--bench.client=jdk`; Boot's `JsonMapper` decodes): what the JDK connector "
                + "itself needs for a first call, without Spring's WebClient. The engine libraries row (`benchmarks/mvc-app-webflux`) is `MvcApp` with "
                + "the `spring-webflux` library (and the Reactor it brings) on the classpath and nothing else: no Boot module, "
                + "no call; Spring finds Reactor there (its `ReactiveAdapterRegistry` registers Reactor's types, which loads "
                + "some 270 Reactor classes). `classes at ready` = classes the JVM had loaded when `run` "
                + "returned (`ClassLoadingMXBean`), the same in every start, unlike the times. `java -jar`, fresh "
                + "JVM per start, default flags, ").append(run.startupRuns).append(" rounds of one start per variant, in this "
                + "table's order, reversed every other round.\n\n");
        s.append("| fat jar | size (MB) | jars in BOOT-INF/lib | Netty jars |\n|---|---|---|---|\n");
        s.append("| without heroku4j | ").append(Stats.f("%.1f", a[0])).append(" | ").append((int) a[1]).append(" | ").append((int) a[2]).append(" |\n");
        s.append("| WebClient floor (Boot's WebClient modules, no heroku4j) | ").append(Stats.f("%.1f", w[0])).append(" | ").append((int) w[1]).append(" | ").append((int) w[2]).append(" |\n");
        s.append("| with heroku-spring-boot-starter | ").append(Stats.f("%.1f", b[0])).append(" | ").append((int) b[1]).append(" | ").append((int) b[2]).append(" |\n\n");
        run.verdicts.put("6. MVC app: starter adds ≤ 8 MB to the fat jar", RunAll.verdict(b[0] - a[0] <= 8, Stats.f(
                "+%.1f MB, +%d jars, %d Netty jars", b[0] - a[0], (int) (b[1] - a[1]), (int) b[2])));

        RunAll.log("figure 6: MVC app start-up, %d rounds × %d variants", run.startupRuns, MODES.size());
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        for (int i = 0; i < run.startupRuns; i++) {
            // Reversed every other round, so that no variant always starts right after the same neighbour.
            List<String> order = new ArrayList<>(MODES);
            if (i % 2 == 1) {
                Collections.reverse(order);
            }
            for (String mode : order) {
                List<String> cmd = new ArrayList<>(List.of(run.javaBin));
                if (mode.startsWith("starterLater")) {
                    cmd.add("-Dbench.firstCallPauseMillis=3000");
                }
                cmd.addAll(List.of("-jar", jars.getOrDefault(mode, with).toString()));
                if (mode.equals("webclient") || mode.equals("jdk")) {
                    cmd.addAll(List.of("--bench.key=" + RunAll.KEY, "--bench.url=" + run.url));
                }
                if (mode.equals("jdk")) {
                    cmd.add("--bench.client=jdk");
                }
                else if (!NO_CALL.contains(mode)) {
                    cmd.addAll(List.of("--heroku.api-key=" + RunAll.KEY, "--heroku.base-url=" + run.url));
                }
                if (mode.endsWith("NoPreinit")) {
                    cmd.add("--heroku.preinitialize=false");
                }
                long t0 = System.nanoTime();
                Proc p = Proc.start("mvc-" + mode, run.logs, Set.of("HEROKU_API_KEY"), cmd);
                String[] r = p.expect("RESULT", 120).split(" ");
                p.waitFor(30);
                runs.computeIfAbsent(mode, k -> new ArrayList<>()).add(new double[]{Double.parseDouble(r[1]),
                        Double.parseDouble(r[2]), Double.parseDouble(r[3]), (System.nanoTime() - t0) / 1e6, Double.parseDouble(r[4])});
            }
        }
        s.append("| variant | context start (ms) | JVM uptime at ready (ms) | process wall (ms) | first call (ms) | classes at ready |\n|---|---|---|---|---|---|\n");
        // One column of one variant's starts: 0 context start, 1 uptime at ready, 2 first call, 3 process wall, 4 classes.
        BiFunction<String, Integer, Stats> column = (m, i) -> Stats.of(runs.get(m).stream().map(x -> x[i]).toList());
        for (String mode : MODES) {
            Function<Integer, Stats> col = i -> column.apply(mode, i);
            s.append("| ").append(LABELS.get(mode))
                    .append(" | ").append(run.check("6 context " + mode, col.apply(0)).fmt("%.0f"))
                    .append(" | ").append(col.apply(1).fmt("%.0f")).append(" | ").append(col.apply(3).fmt("%.0f"))
                    .append(" | ").append(NO_CALL.contains(mode) ? "n/a" : run.check("6 first call " + mode, col.apply(2)).fmt("%.0f"))
                    .append(" | ").append(Stats.f("%.0f", col.apply(4).median())).append(" |\n");
        }
        Function<String, Double> ctx = m -> column.apply(m, 0).median();
        Function<String, Double> firstCall = m -> column.apply(m, 2).median();
        Function<String, Double> classes = m -> column.apply(m, 4).median();
        s.append('\n').append(LABELS.get("starterNoPreinit")).append(Stats.f(": %+.0f ms context start, first call %.0f ms (medians).\n",
                ctx.apply("starterNoPreinit") - ctx.apply("without"), firstCall.apply("starterNoPreinit")));
        double added = ctx.apply("starter") - ctx.apply("without");
        double floorAdded = ctx.apply("webclient") - ctx.apply("without");
        double librariesAdded = ctx.apply("webflux") - ctx.apply("without");
        double first = firstCall.apply("starter");
        s.append(Stats.f("Differences of medians: the starter adds %+.0f ms to the context start and %+.0f classes; the "
                + "WebClient floor alone (Boot's WebClient modules, no heroku4j) %+.0f ms and %+.0f classes, of which the "
                + "engine libraries merely on the classpath %+.0f ms and %+.0f classes; heroku4j on top of the floor %+.0f ms "
                + "and %+.0f classes.\n\n", added, classes.apply("starter") - classes.apply("without"), floorAdded,
                classes.apply("webclient") - classes.apply("without"), librariesAdded,
                classes.apply("webflux") - classes.apply("without"), added - floorAdded,
                classes.apply("starter") - classes.apply("webclient")));

        // Start-up is judged on differences within a round: over the figure's minutes the machine's pace drifts far
        // more than the 100 ms judged, while one round's starts are seconds apart.
        Stats withStarter = pairedDifference(runs, "starter", "without");
        Stats floorAlone = pairedDifference(runs, "webclient", "without");
        Stats onTop = pairedDifference(runs, "starter", "webclient");
        s.append("Context start, per round (the two starts of one round; the order is reversed every other round):\n\n"
                + "| difference (ms) | median | quartiles (25%–75%) | min–max |\n|---|---|---|---|\n");
        s.append("| with the starter − without heroku4j | ").append(withStarter.pairedCells("%+.0f")).append(" |\n")
                .append("| WebClient floor − without heroku4j (what any client on Spring's WebClient costs) | ")
                .append(floorAlone.pairedCells("%+.0f")).append(" |\n")
                .append("| with the starter − WebClient floor (heroku4j's own part) | ").append(onTop.pairedCells("%+.0f"))
                .append(" |\n");
        run.verdicts.put("6. MVC app: starter adds ≤ 100 ms to start-up", RunAll.verdict(withStarter.median() <= 100,
                Stats.f("%+.0f ms context start (median of %d rounds' differences, quartiles %s); the WebClient floor "
                        + "alone %+.0f ms, heroku4j on top of it %+.0f ms (the same way); differences of medians %+.0f, "
                        + "%+.0f and %+.0f ms", withStarter.median(), withStarter.n(), withStarter.quartileRange("%+.0f"),
                        floorAlone.median(), onTop.median(), added, floorAdded, added - floorAdded)));
        run.verdicts.put("6. MVC app: first call after start ≤ 300 ms", RunAll.verdict(first <= 300, Stats.f(
                "%.0f ms (median); the same first call by hand on the WebClient floor %.0f ms, on the JDK's HttpClient "
                        + "alone %.0f ms; 3 s after start %.0f ms with the starter's dry run, %.0f ms without", first,
                firstCall.apply("webclient"), firstCall.apply("jdk"), firstCall.apply("starterLater"),
                firstCall.apply("starterLaterNoPreinit"))));
        s.append('\n');

        RunAll.log("figure 6b: connectors per call, %d forks each", run.jmhForks);
        JmhSamples j = new JmhSamples();
        run.jmh(ConnectorBenchmark.class.getName() + ".*", run.jmhForks, run.jmhIterations, "jmh-figure6b.log", j);
        s.append("### 6b. The two connectors per call\n\n`jmh/ConnectorBenchmark`: `HerokuClient` `appInfo(\"example\")`, "
                + "sequential, on the engine's two default connectors, everything else equal; ").append(run.jmhForks)
                .append(" forks × ").append(run.jmhIterations).append(" iterations of 1 s after ").append(run.jmhWarmup)
                .append(" warm-up.\n\n| connector | latency (µs/call) | CPU (µs/call) | allocated (bytes/call) |\n|---|---|---|---|\n");
        for (String[] c : List.of(new String[]{"reactorNetty", "Reactor Netty (WebFlux applications)"},
                new String[]{"jdk", "JDK HttpClient (Spring MVC applications)"})) {
            s.append("| ").append(c[1]).append(" | ").append(run.check("6b latency " + c[0], j.lat(c[0])).fmt("%.1f"))
                    .append(" | ").append(j.cpu(c[0]).fmt("%.1f")).append(" | ").append(j.alloc(c[0]).fmt("%.0f")).append(" |\n");
        }
        s.append("\nJDK / Reactor Netty: ").append(Stats.f("%.2f", j.lat("jdk").median() / j.lat("reactorNetty").median()))
                .append("× latency, ").append(Stats.f("%.2f", j.cpu("jdk").median() / j.cpu("reactorNetty").median()))
                .append("× CPU per call.\n\n");
        return s.toString();
    }

    /** Per round, {@code a}'s context start minus {@code b}'s. */
    private static Stats pairedDifference(Map<String, List<double[]>> runs, String a, String b) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < runs.get(a).size(); i++) {
            d.add(runs.get(a).get(i)[0] - runs.get(b).get(i)[0]);
        }
        return Stats.of(d);
    }

    static Path execJar(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst().orElse(null);
        }
    }

    /** Size in MB (10^6 bytes), jars in BOOT-INF/lib, and how many of them are Netty's. */
    static double[] jarFigures(Path jar) throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            List<String> libs = zip.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("BOOT-INF/lib/") && n.endsWith(".jar")).toList();
            long netty = libs.stream().filter(n -> n.contains("netty")).count();
            return new double[]{Files.size(jar) / 1e6, libs.size(), netty};
        }
    }
}
