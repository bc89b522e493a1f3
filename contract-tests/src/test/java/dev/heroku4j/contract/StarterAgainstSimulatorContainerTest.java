package dev.heroku4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.heroku4j.autoconfigure.HerokuConnectionDetails;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.paging.Page;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.simulator.container.HerokuSimulatorContainer;

/**
 * The starter end to end: a Spring Boot application whose auto-configured client talks to the simulator running in
 * a locally built container, connected by {@code @ServiceConnection} alone (no {@code @DynamicPropertySource}): the
 * container accepts only its own key, so every call that succeeds proves the connection details were used.
 * Skipped, saying so, where no Docker engine runs; .ci/run starts one, so CI runs it.
 */
@Testcontainers(disabledWithoutDocker = true)
// The first call into a freshly started container JVM can be slow on a busy machine.
@SpringBootTest(classes = StarterAgainstSimulatorContainerTest.Application.class, properties = "heroku.health.timeout=20s")
class StarterAgainstSimulatorContainerTest {

    @Container
    @ServiceConnection
    static HerokuSimulatorContainer simulator = new HerokuSimulatorContainer(
            Path.of(System.getProperty("simulator.shaded.jar", "../heroku-simulator/target/heroku-simulator.jar")))
            .withSeed("demo")
            .withApiKey("container-test-key");

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }

    @Autowired
    HerokuClient heroku;

    @Autowired
    ReactiveHerokuClient reactiveHeroku;

    @Autowired
    @Qualifier("herokuHealthContributor")
    ReactiveHealthIndicator health;

    @Autowired
    HerokuConnectionDetails connectionDetails;

    @Test
    void serviceConnection_givesTheContainersUrlAndKey() {
        assertThat(connectionDetails.getBaseUrl()).isEqualTo(simulator.baseUrl());
        assertThat(connectionDetails.getApiKey()).isEqualTo("container-test-key");
        assertThat(heroku.config().baseUrl()).hasToString(simulator.baseUrl());
    }

    @Test
    void autoConfiguredClient_createsScalesListsAndDeletesAnApp_andReportsHealthy() {
        assertThat(health.health().block(Duration.ofSeconds(30)).getStatus()).isEqualTo(Status.UP);

        for (String name : List.of("tc-alpha", "tc-bravo", "tc-charlie")) {
            App app = heroku.app().appCreate(new AppCreateOpts().name(name));
            assertThat(app.getName()).isEqualTo(name);
        }
        // A new app has no process types until it is deployed: scale one of the demo data's.
        assertThat(heroku.formation().formationUpdate("demo-storefront", "web", new FormationUpdateOpts().quantity(3))
                .getQuantity()).isEqualTo(3L);

        Page<App> first = heroku.app().appList(Range.by("name").withMax(1)).page();
        assertThat(first.items()).hasSize(1);
        assertThat(first.nextRange()).as("more pages follow").isNotNull();
        List<String> names = heroku.app().appList(Range.by("name").withMax(1)).toList().stream()
                .map(App::getName).toList();
        assertThat(names).hasSize(6).isSorted().contains("tc-alpha", "tc-bravo", "tc-charlie", "demo-storefront");
        // the two beans are one engine, and the reactive one works too
        assertThat(reactiveHeroku.blocking()).isSameAs(heroku);
        assertThat(reactiveHeroku.app().appInfo("tc-alpha").block(Duration.ofSeconds(30)).getName()).isEqualTo("tc-alpha");

        heroku.app().appDelete("tc-bravo");
        assertThatThrownBy(() -> heroku.app().appInfo("tc-bravo")).isInstanceOf(HerokuNotFoundException.class);
        assertThat(heroku.rateLimitTracker().remaining()).isPresent();
    }
}
