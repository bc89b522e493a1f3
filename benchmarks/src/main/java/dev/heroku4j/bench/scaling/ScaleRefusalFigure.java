package dev.heroku4j.bench.scaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.heroku4j.bench.RunAll;
import dev.heroku4j.bench.Stats;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.seed.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figure 8: how fast the simulator refuses a scaling Heroku would refuse (issue #13: {@code quantity 2147483647} once
 * hung the simulator under its one lock). The simulator runs in this JVM with the demo seed and a budget that does
 * not run out; one JDK {@link HttpClient} (keep-alive) sends {@code PATCH /apps/demo-storefront/formation/web} with
 * each body in turn, {@code calls} times each, after a warm-up, and the latency of each call is taken from the
 * request's start to the whole body read. A quantity of 2 (accepted, and put back) is the baseline.
 */
public final class ScaleRefusalFigure {

    private static final String APP = "demo-storefront";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each variant's body; Heroku's limit is 100 dynos an app across process types. */
    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("2147483647 (Integer.MAX_VALUE)", "{\"quantity\": 2147483647}");
        BODIES.put("10000", "{\"quantity\": 10000}");
        BODIES.put("101 (just above the limit)", "{\"quantity\": 101}");
        BODIES.put("2 (accepted: the baseline)", "{\"quantity\": 2}");
    }

    private final Map<String, String> verdicts;

    private final int calls;

    public ScaleRefusalFigure(Map<String, String> verdicts, int calls) {
        this.verdicts = verdicts;
        this.calls = calls;
    }

    public String run() throws Exception {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (HerokuSimulator sim = HerokuSimulator.builder().seed(Seeds.DEMO).rateLimit(Integer.MAX_VALUE).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
            RunAll.log("figure 8: warm-up, then %d PATCHes of each quantity, interleaved in rounds of 50", this.calls);
            for (int i = 0; i < 200; i++) {
                BODIES.values().forEach(body -> send(http, sim, body));
            }
            BODIES.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
            for (int done = 0; done < this.calls; done += 50) {
                for (Map.Entry<String, String> variant : BODIES.entrySet()) {
                    for (int i = 0; i < Math.min(50, this.calls - done); i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = send(http, sim, variant.getValue());
                        millis.get(variant.getKey()).add((System.nanoTime() - start) / 1e6);
                        answers.putIfAbsent(variant.getKey(), answer(response));
                    }
                }
            }
        }
        StringBuilder md = new StringBuilder("## 8. A huge scaling refused (issue #13)\n\n");
        md.append("`PATCH /apps/demo-storefront/formation/web` on the simulator in the RunAll JVM (demo seed, a budget that "
                + "does not run out), one JDK `HttpClient` on a kept-alive connection, ").append(this.calls)
            .append(" calls per body after a warm-up of 200 each, interleaved in rounds of 50; latency from sending to "
                + "the whole body read. Heroku's limit is 100 dynos an app across process types. Whole figure: ")
            .append(Stats.f("%.1f", (System.nanoTime() - t0) / 1e9)).append(" s.\n\n");
        md.append("| quantity | answer | median | p99 | max |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Double>> variant : millis.entrySet()) {
            Stats stats = Stats.of(variant.getValue());
            String answer = answers.get(variant.getKey());
            md.append("| ").append(variant.getKey()).append(" | `").append(answer.replace("|", "\\|")).append("` | ")
                .append(Stats.f("%.2f ms", stats.median())).append(" | ").append(Stats.f("%.2f ms", stats.quantile(0.99)))
                .append(" | ").append(Stats.f("%.2f ms", stats.max())).append(" |\n");
            RunAll.log("figure 8: quantity %s: median %.2f ms, p99 %.2f ms, max %.2f ms; %s", variant.getKey(),
                    stats.median(), stats.quantile(0.99), stats.max(), answer);
        }
        Stats huge = Stats.of(millis.values().iterator().next());
        String hugeAnswer = answers.values().iterator().next();
        boolean refused = hugeAnswer.startsWith("422 invalid_params");
        this.verdicts.put("`quantity: 2147483647` refused in under 100 ms (issue #13)", (refused && huge.max() < 100
                ? "**met**" : "**missed**") + Stats.f(": %s, max %.2f ms of %d (median %.2f ms)",
                        refused ? "422 invalid_params" : "not refused", huge.max(), huge.n(), huge.median()));
        md.append('\n');
        return md.toString();
    }

    /** {@code 422 invalid_params: <message>}, or for an accepted one {@code 200, quantity n}. */
    private static String answer(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        return response.statusCode() + (body.has("id") && body.has("message") && !body.has("quantity")
                ? " " + body.get("id").asString() + ": " + body.get("message").asString()
                : ", quantity " + body.path("quantity").asString());
    }

    private static HttpResponse<String> send(HttpClient http, HerokuSimulator sim, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/apps/" + APP + "/formation/web"))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .header("Accept", "application/vnd.heroku+json; version=3")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer bench")
            .timeout(Duration.ofSeconds(30))
            .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException("figure 8: " + ex, ex);
        }
    }

}
