package dev.heroku4j.examples.mvc;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.Dyno;
import dev.heroku4j.client.model.PipelineCoupling;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The twelve jobs through this application's own HTTP endpoints, against the Heroku API simulator in-process (demo
 * data: demo-storefront, demo-storefront-staging, demo-inventory-api). Each test checks what Heroku (the simulator)
 * holds afterwards, read back with the same blocking client the application uses.
 */
// The simulator puts Reactor Netty on the tests' classpath; the application itself has none (MvcFootprintTests), so
// Boot is told to pick what the application gets in production: the JDK's HttpClient.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.http.clients.reactive.connector=jdk")
@AutoConfigureRestTestClient
class HerokuJobsTests {

    @RegisterExtension
    // No refill: job 10 reads back exactly the quota it set, however slow the machine.
    static HerokuSimulatorExtension simulator = HerokuSimulatorExtension.with(b -> b.seed("demo").refillPerMinute(0));

    @DynamicPropertySource
    static void heroku(DynamicPropertyRegistry registry) {
        registry.add("heroku.base-url", simulator::baseUrl);
        registry.add("heroku.api-key", () -> "test-key");
    }

    @Autowired
    RestTestClient http;

    @Autowired
    HerokuClient heroku;

    HerokuSimulator sim;

    @BeforeEach
    void demoData() {
        sim = simulator.simulator();
        sim.reset();
    }

    /** Every request got a success answer and passed Heroku's schema (the error tests clear what they provoked). */
    @AfterEach
    void everyRequestValid() {
        assertThat(sim.journal().invalid()).isEmpty();
    }

    @Test
    void client_runsOnTheJdkConnector() {
        assertThat(heroku.config().connector().get()).isInstanceOf(JdkClientHttpConnector.class);
    }

    @Test
    void job01_createApp() {
        http.post().uri("/apps").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "example-mvc-created", "region", "eu"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody()
            .jsonPath("$.name").isEqualTo("example-mvc-created")
            .jsonPath("$.region").isEqualTo("eu");

        assertThat(heroku.app().appInfo("example-mvc-created").getRegion().getName()).isEqualTo("eu");
    }

    @Test
    void job02_configVarsSetAndUnset() {
        http.patch().uri("/apps/demo-storefront/config-vars").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("set", Map.of("GREETING", "hello"), "unset", List.of("LOG_LEVEL")))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.names").isEqualTo(List.of("GREETING", "RAILS_ENV", "WEB_CONCURRENCY"));

        assertThat(heroku.configVar().configVarInfoForApp("demo-storefront"))
            .containsEntry("GREETING", "hello")
            .doesNotContainKey("LOG_LEVEL");
        assertThat(sim.journal().entries("PATCH", "/apps/demo-storefront/config-vars").get(0).body())
            .contains("\"LOG_LEVEL\":null");
    }

    @Test
    void job03_scaleAFormation() {
        http.patch().uri("/apps/demo-storefront/formation/web").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("quantity", 3))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.type").isEqualTo("web")
            .jsonPath("$.quantity").isEqualTo(3);

        assertThat(heroku.formation().formationInfo("demo-storefront", "web").getQuantity()).isEqualTo(3);
    }

    @Test
    void job04_listAllApps_followsEveryPage() {
        for (int i = 0; i < 205; i++) {
            sim.state().createApp(String.format("bulk-app-%03d", i), "us", "heroku-24");
        }

        http.get().uri("/apps?pageSize=50").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.count").isEqualTo(208)
            .jsonPath("$.names[0]").isEqualTo("bulk-app-000")
            .jsonPath("$.names[207]").isEqualTo("demo-storefront-staging");
        assertThat(sim.journal().count("GET", "/apps")).as("208 apps, 50 a page").isEqualTo(5);

        sim.journal().clear();
        http.get().uri("/apps").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.count").isEqualTo(208);
        assertThat(sim.journal().count("GET", "/apps")).as("more than Heroku's 200 a page").isEqualTo(2);
    }

    @Test
    void job05_restartAllDynos() {
        http.post().uri("/apps/demo-storefront/dynos/restart").exchange()
            .expectStatus().isAccepted();

        List<Dyno> dynos = heroku.dyno().dynoList("demo-storefront").toList();
        assertThat(dynos).isNotEmpty().allSatisfy(dyno -> assertThat(dyno.getState()).isEqualTo("starting"));
        assertThat(sim.journal().count("DELETE", "/apps/demo-storefront/dynos")).isEqualTo(1);
    }

    @Test
    void job06_buildFromASourceTarball() {
        byte[] tarball = { 0x1f, (byte) 0x8b, 8, 0, 'e', 'x', 'a', 'm', 'p', 'l', 'e' };

        String buildId = http.post().uri("/apps/demo-storefront/builds?version=v42")
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .body(tarball)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Bodies.BuildView.class)
            .value(build -> {
                assertThat(build.status()).isEqualTo("pending");
                assertThat(build.version()).isEqualTo("v42");
                assertThat(RestClient.create().get().uri(build.sourceUrl()).retrieve().body(byte[].class))
                    .as("the tarball the build reads").isEqualTo(tarball);
            })
            .returnResult().getResponseBody().id();

        Build build = heroku.build().buildInfo("demo-storefront", buildId);
        assertThat(build.getStatusAsString()).isEqualTo("succeeded");
        Release latest = heroku.release().releaseList("demo-storefront", Range.latest("version", 1)).first().get();
        assertThat(latest.getId()).isEqualTo(build.getRelease().getId());
        assertThat(latest.getDescription()).isEqualTo("Deploy v42");
    }

    @Test
    void job07_pipelinePromote() {
        App staging = heroku.app().appCreate(new AppCreateOpts().name("example-staging"));
        App production = heroku.app().appCreate(new AppCreateOpts().name("example-prod"));
        // a promotion copies staging's slug, so staging needs a deployed release first
        String slug = java.util.UUID.randomUUID().toString();
        sim.state().createRelease(sim.state().findApp("example-staging").orElseThrow(), "Deploy 1a2b3c4",
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", slug));

        http.post().uri("/pipelines").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("pipeline", "example-pipeline", "staging", "example-staging", "production", "example-prod"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody()
            .jsonPath("$.pipeline").isEqualTo("example-pipeline")
            .jsonPath("$.couplings[0].appId").isEqualTo(staging.getId().toString())
            .jsonPath("$.couplings[0].stage").isEqualTo("staging")
            .jsonPath("$.couplings[1].appId").isEqualTo(production.getId().toString())
            .jsonPath("$.couplings[1].stage").isEqualTo("production")
            .jsonPath("$.promotionId").isNotEmpty()
            .jsonPath("$.status").isNotEmpty();

        String pipelineId = heroku.pipeline().pipelineInfo("example-pipeline").getId().toString();
        assertThat(heroku.pipelineCoupling().pipelineCouplingListByPipeline(pipelineId).toList())
            .extracting(c -> c.getApp().getId(), PipelineCoupling::getStageAsString)
            .containsExactlyInAnyOrder(tuple(staging.getId(), "staging"), tuple(production.getId(), "production"));
        // The request was valid, from staging to production, and production now runs staging's slug.
        JournalEntry promotion = sim.journal().entries("POST", "/pipeline-promotions").get(0);
        assertThat(promotion.valid()).isTrue();
        assertThat(promotion.body()).contains(pipelineId, staging.getId().toString(), production.getId().toString());
        assertThat(sim.state().store().ofApp("release", production.getId().toString()))
            .anySatisfy(release -> assertThat(release.at("/slug/id").asString()).isEqualTo(slug));
    }

    @Test
    void job08_createAnAddOn() {
        http.post().uri("/apps/demo-storefront-staging/addons").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("plan", "heroku-redis:mini"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody()
            .jsonPath("$.plan").isEqualTo("heroku-redis:mini")
            .jsonPath("$.state").isEqualTo("provisioned");

        assertThat(heroku.addOn().addOnListByApp("demo-storefront-staging").toList())
            .anySatisfy(addOn -> assertThat(addOn.getPlan().getName()).isEqualTo("heroku-redis:mini"));
    }

    @Test
    void job09_addADomain() {
        http.post().uri("/apps/demo-storefront-staging/domains").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("hostname", "staging.example.org"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody()
            .jsonPath("$.hostname").isEqualTo("staging.example.org")
            .jsonPath("$.cname").isEqualTo("staging-example-org.herokudns.com");

        assertThat(heroku.domain().domainInfo("demo-storefront-staging", "staging.example.org").getCname())
            .isEqualTo("staging-example-org.herokudns.com");
    }

    @Test
    void job10_readTheRateLimit() {
        sim.rateLimit().setRemaining(1234);

        http.get().uri("/rate-limit").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.remaining").isEqualTo(1234)
            .jsonPath("$.remainingHeader").isEqualTo(1234)
            .jsonPath("$.tracked").isEqualTo(1234);
    }

    @Test
    void job11_readTheLogs() {
        http.get().uri("/apps/demo-storefront/logs?lines=10").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.length()").isEqualTo(4)
            .jsonPath("$[0]").value(String.class, line -> assertThat(line).contains("app[web.1]"));

        assertThat(sim.journal().entries("POST", "/apps/demo-storefront/log-sessions").get(0).body())
            .contains("\"lines\":10", "\"tail\":false");
    }

    @Test
    void job12_notFoundIs404WithHerokusIdAndMessage() {
        http.get().uri("/apps/no-such-app").exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.id").isEqualTo("not_found")
            .jsonPath("$.message").isEqualTo("Couldn't find that app.")
            .jsonPath("$.requestId").isNotEmpty();
        assertThat(sim.journal().last().status()).isEqualTo(404);
        sim.journal().clear();
    }

    @Test
    void job12_invalidParamsIs422WithHerokusIdAndMessage() {
        http.post().uri("/apps").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "demo-storefront"))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.status").isEqualTo(422)
            .jsonPath("$.id").isEqualTo("invalid_params")
            .jsonPath("$.message").isEqualTo("Name demo-storefront is already taken.");

        http.post().uri("/apps").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Not_A_Valid_Name"))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.id").isEqualTo("invalid_params")
            .jsonPath("$.message").value(String.class, message -> assertThat(message).startsWith("Name must start with a letter"));
        assertThat(sim.journal().count("POST", "/apps")).as("both refused by Heroku, not by the client").isEqualTo(2);
        sim.journal().clear();
    }

}
