package dev.heroku4j.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.heroku4j.simulator.HerokuSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in demo as it runs by default (no API key: the embedded simulator, whose budget of 4,500 calls refills
 * at 75 a minute like Heroku's) keeps answering through 1,000 page loads in a row. A page load is what
 * {@code static/app.js} fetches when the page opens: the page and its script, {@code actuator/health},
 * {@code webhook-events}, {@code apps} and then {@code apps/{name}} for each app listed (its live
 * {@code webhook-events/stream} is left out: it stays open). That is 25 Heroku calls a load without
 * {@link PageCache} (18,000 more than the budget holds); the test says how many it made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = { "--heroku.api-key=", "--HEROKU_API_KEY=", "--NETRC=/nonexistent/netrc", "--user.home=/nonexistent" })
class DemoPageLoadsTests {

    private static final int PAGE_LOADS = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    HerokuSimulator simulator;

    @Test
    void thousandPageLoads_allAnswered() throws Exception {
        int budget = simulator.rateLimit().remaining();
        long apiCalls = 0;
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (int load = 1; load <= PAGE_LOADS; load++) {
            simulator.journal().clear();
            List<String> paths = new ArrayList<>(List.of("/", "/app.js", "/actuator/health", "/webhook-events", "/apps"));
            for (int i = 0; i < paths.size(); i++) {
                HttpResponse<String> response = get(paths.get(i));
                if (response.statusCode() != 200) {
                    failures.add("load " + load + ": " + paths.get(i) + " answered " + response.statusCode() + " " + response.body());
                }
                else if (paths.get(i).equals("/apps")) {
                    for (JsonNode app : JSON.readTree(response.body())) {
                        paths.add("/apps/" + app.get("name").asString());
                    }
                }
            }
            assertThat(paths).as("load %d: the three demo apps listed", load).hasSize(8);
            apiCalls += simulator.journal().entries().stream().filter(e -> !e.path().equals("/account/rate-limits")).count();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("sample demo: %d page loads in %.1f s answered 200: %d Heroku API calls counted against the "
                + "budget (%d without the page cache), %d of the budget left (%d at the start)%n", PAGE_LOADS, seconds,
                apiCalls, 25L * PAGE_LOADS, simulator.rateLimit().remaining(), budget);
        assertThat(failures).isEmpty();
        assertThat(simulator.rateLimit().remaining()).as("budget left").isPositive();
        assertThat(simulator.journal().invalid()).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", path.equals("/") || path.equals("/app.js") ? "*/*" : "application/json")
            .timeout(Duration.ofSeconds(30))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
