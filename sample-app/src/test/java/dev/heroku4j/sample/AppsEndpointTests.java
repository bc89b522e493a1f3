package dev.heroku4j.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.heroku4j.client.HerokuClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON and SSE endpoints over HTTP (RestTestClient on the random port), against the in-process simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AppsEndpointTests extends OnTheSimulator {

    @Autowired
    RestTestClient web;

    @Autowired
    HerokuClient client;

    /** Like the page: state-changing requests carry the CSRF token and its cookie (see SampleSecurityTests). */
    static RestTestClient withCsrfToken(RestTestClient web) {
        return web.mutate().defaultHeader(SampleSecurity.CSRF_HEADER, "test-csrf-token")
            .defaultCookie("XSRF-TOKEN", "test-csrf-token")
            .build();
    }

    @BeforeEach
    void demoData() {
        heroku.simulator().reset();
        web = withCsrfToken(web);
    }

    @Test
    void apps_listsTheDemoAppsWithFormationAndLatestRelease() {
        web.get().uri("/apps").exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.length()").isEqualTo(3)
            .jsonPath("$[0].name").isEqualTo("demo-inventory-api")
            .jsonPath("$[1].name").isEqualTo("demo-storefront")
            .jsonPath("$[1].formation[0].type").isEqualTo("web")
            .jsonPath("$[1].formation[0].quantity").isEqualTo(2)
            .jsonPath("$[1].latestRelease.description").isEqualTo("Deploy 9b7e03d");
    }

    @Test
    void app_showsOneApp() {
        web.get().uri("/apps/{name}", "demo-storefront").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.app.name").isEqualTo("demo-storefront")
            .jsonPath("$.dynos[0].name").isEqualTo("web.1")
            .jsonPath("$.releases[0].version").isNumber()
            .jsonPath("$.configVarNames").isArray();
    }

    @Test
    void app_whenUnknown_isA404ProblemWithHerokusMessage() {
        web.get().uri("/apps/{name}", "no-such-app").exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.title").isEqualTo("Not Found")
            .jsonPath("$.detail").isEqualTo("Couldn't find that app.")
            .jsonPath("$.herokuId").isEqualTo("not_found")
            .jsonPath("$.herokuRequestId").isNotEmpty()
            .jsonPath("$.instance").isEqualTo("/apps/no-such-app");
    }

    @Test
    void scale_setsTheQuantity() {
        web.post().uri("/apps/{name}/scale", "demo-storefront")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("type", "web", "quantity", 4))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.type").isEqualTo("web")
            .jsonPath("$.quantity").isEqualTo(4);

        assertThat(client.formation().formationInfo("demo-storefront", "web").getQuantity()).isEqualTo(4);
    }

    @Test
    void scale_withANegativeQuantity_isA400Problem() {
        scaleRefused("-2", "'quantity' must be between 0 and 100 (Heroku's default limit of dynos an app), not -2");
    }

    @Test
    void scale_withAFraction_isA400ProblemNotARoundedScale() {
        scaleRefused("1.5", "'quantity' must be a whole number such as 2, not 1.5");
    }

    @Test
    void scale_withAString_isA400Problem() {
        scaleRefused("\"3\"", "'quantity' must be a JSON number such as 2, not the string \"3\"");
    }

    @Test
    void scale_aboveHerokusLimit_isA400ProblemAndNeverReachesHeroku() {
        scaleRefused("101", "'quantity' must be between 0 and 100 (Heroku's default limit of dynos an app), not 101");
        scaleRefused("1000000000000000000000",
                "'quantity' must be between 0 and 100 (Heroku's default limit of dynos an app), not 1000000000000000000000");
    }

    @Test
    void scale_withoutAQuantity_isA400Problem() {
        scaleRefused("null", "'quantity' is required: a whole number from 0 to 100, e.g. {\"type\": \"web\", \"quantity\": 2}");
    }

    @Test
    void scale_toHerokusLimit_isAccepted() {
        // Heroku's 100 counts every process type of the app: make room by stopping the demo's worker first
        web.post().uri("/apps/{name}/scale", "demo-storefront")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"type\": \"worker\", \"quantity\": 0}")
            .exchange()
            .expectStatus().isOk();
        web.post().uri("/apps/{name}/scale", "demo-storefront")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"type\": \"web\", \"quantity\": 100}")
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.quantity").isEqualTo(100);
    }

    private void scaleRefused(String quantity, String detail) {
        web.post().uri("/apps/{name}/scale", "demo-storefront")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"type\": \"web\", \"quantity\": " + quantity + "}")
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail").isEqualTo(detail);
        assertThat(heroku.simulator().journal().count("PATCH", "/apps/*/formation/*")).as("calls to Heroku").isZero();
        assertThat(client.formation().formationInfo("demo-storefront", "web").getQuantity()).isEqualTo(2);
    }

    @Test
    void scale_ofAnUnknownProcessType_isA404Problem() {
        web.post().uri("/apps/{name}/scale", "demo-storefront")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"type\": \"clock\", \"quantity\": 1}")
            .exchange()
            .expectStatus().isNotFound()
            .expectBody()
            .jsonPath("$.herokuId").isEqualTo("not_found");
    }

    @Test
    void configVars_nullUnsetsAndAValueSets() {
        web.patch().uri("/apps/{name}/config-vars", "demo-storefront")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"GREETING\": \"hello\", \"LOG_LEVEL\": null}")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.set").isEqualTo(List.of("GREETING"))
            .jsonPath("$.unset").isEqualTo(List.of("LOG_LEVEL"))
            .jsonPath("$.configVarNames").isEqualTo(List.of("GREETING", "RAILS_ENV", "WEB_CONCURRENCY"))
            .jsonPath("$.GREETING").doesNotExist();

        assertThat(client.configVar().configVarInfoForApp("demo-storefront"))
            .containsEntry("GREETING", "hello")
            .doesNotContainKey("LOG_LEVEL");
    }

    @Test
    void restart_isAccepted() {
        web.post().uri("/apps/{name}/restart", "demo-inventory-api").exchange()
            .expectStatus().isAccepted()
            .expectBody()
            .jsonPath("$.app").isEqualTo("demo-inventory-api")
            .jsonPath("$.restarted").isEqualTo("all dynos");

        assertThat(heroku.simulator().journal().count("DELETE", "/apps/demo-inventory-api/dynos")).isEqualTo(1);
    }

    @Test
    void deploy_sendsTheBundledApp_andAnswersItsOutputAndTheNewRelease() {
        web.post().uri("/apps/{name}/deploy", "demo-inventory-api").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.app").isEqualTo("demo-inventory-api")
            .jsonPath("$.steps").isEqualTo(List.of("UPLOADED", "BUILD_CREATED", "BUILD_OUTPUT_READ", "BUILD_SUCCEEDED", "RELEASED"))
            .jsonPath("$.output[0]").value(String.class, line -> assertThat(line).matches("-----> Building on the Heroku-\\d+ stack"))
            .jsonPath("$.release.status").isEqualTo("succeeded")
            .jsonPath("$.release.description").isEqualTo("Deploy sample bundled app");

        assertThat(heroku.simulator().journal().count("POST", "/apps/demo-inventory-api/builds")).isEqualTo(1);
        assertThat(heroku.simulator().journal().count("PUT", "/__simulator/sources/*")).isEqualTo(1);
    }

    @Test
    void logs_areServerSentEventsEndingWithAnEndEvent() {
        String stream = web.get().uri("/apps/{name}/logs?lines=10", "demo-storefront")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
            .returnResult(String.class)
            .getResponseBody();

        List<SentEvent> events = SentEvent.parse(stream);
        assertThat(events).hasSize(5);
        assertThat(events.subList(0, 4)).allSatisfy(event -> assertThat(event.name()).isEqualTo("log"));
        assertThat(events.get(0).data()).contains("app[web.1]");
        assertThat(events.get(4)).isEqualTo(new SentEvent("end", ""));
    }

    @Test
    void logs_ofAnUnknownApp_isA404ProblemEvenForAnEventStreamClient() {
        web.get().uri("/apps/{name}/logs", "no-such-app")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.herokuId").isEqualTo("not_found");
    }

    @Test
    void health_showsTheHerokuComponent() {
        web.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.components.heroku.status").isEqualTo("UP")
            .jsonPath("$.components.heroku.details.baseUrl").isEqualTo(heroku.baseUrl())
            .jsonPath("$.components.heroku.details.remaining").isNumber();
    }

    @Test
    void page_isServedAtTheRoot() {
        web.get().uri("/").exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).value(html -> assertThat(html).contains("<script src=\"app.js\""));
    }

    /** One Server-Sent Event as the browser's {@code EventSource} sees it: its name and its data. */
    record SentEvent(String name, String data) {

        static List<SentEvent> parse(String stream) {
            return Arrays.stream(stream.split("\n\n"))
                .filter(block -> !block.isBlank())
                .map(block -> {
                    String name = "message";
                    StringBuilder data = new StringBuilder();
                    for (String line : block.split("\n")) {
                        if (line.startsWith("event:")) {
                            name = line.substring("event:".length());
                        }
                        else if (line.startsWith("data:")) {
                            data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()));
                        }
                    }
                    return new SentEvent(name, data.toString());
                })
                .toList();
        }

    }

}
