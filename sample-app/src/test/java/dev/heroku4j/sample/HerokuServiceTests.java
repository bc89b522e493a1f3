package dev.heroku4j.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.simulator.HerokuSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/** {@link HerokuService} against the in-process simulator, through the auto-configured client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class HerokuServiceTests extends OnTheSimulator {

    @Autowired
    HerokuService service;

    @Autowired
    HerokuClient client;

    @BeforeEach
    void demoData() {
        heroku.simulator().reset();
    }

    @Test
    void apps_listsEveryAppByNameWithFormationAndLatestRelease() {
        List<AppSummary> apps = service.apps();

        assertThat(apps).extracting(AppSummary::name)
            .containsExactly("demo-inventory-api", "demo-storefront", "demo-storefront-staging");
        AppSummary storefront = apps.get(1);
        assertThat(storefront.region()).isEqualTo("us");
        assertThat(storefront.formation()).extracting(ProcessFormation::type, ProcessFormation::quantity)
            .containsExactly(tuple("web", 2L), tuple("worker", 1L));
        assertThat(storefront.latestRelease()).isNotNull();
        assertThat(storefront.latestRelease().description()).isEqualTo("Deploy 9b7e03d");
        assertThat(heroku.simulator().journal().invalid()).isEmpty();
    }

    @Test
    void apps_followsNextRangeAcrossPages(HerokuSimulator sim) {
        for (int i = 0; i < 98; i++) {
            sim.state().createApp(String.format("bulk-app-%03d", i), "us", "heroku-24");
        }

        List<AppSummary> apps = service.apps();

        assertThat(apps).hasSize(101);
        assertThat(apps).extracting(AppSummary::name).isSorted();
        assertThat(sim.journal().count("GET", "/apps")).as("pages of 100").isEqualTo(2);
        assertThat(sim.journal().invalid()).isEmpty();
    }

    @Test
    void app_showsDynosRecentReleasesNewestFirstAndConfigVarNamesOnly() {
        AppDetails details = service.app("demo-storefront");

        assertThat(details.app().name()).isEqualTo("demo-storefront");
        assertThat(details.dynos()).extracting(DynoState::name).contains("web.1", "web.2", "worker.1");
        assertThat(details.releases()).hasSizeLessThanOrEqualTo(HerokuService.RECENT_RELEASES);
        assertThat(details.releases()).extracting(ReleaseSummary::version).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(details.releases().get(0)).isEqualTo(details.app().latestRelease());
        assertThat(details.configVarNames()).containsExactly("LOG_LEVEL", "RAILS_ENV", "WEB_CONCURRENCY");
    }

    @Test
    void app_whenUnknown_failsWithNotFound() {
        assertThatExceptionOfType(HerokuNotFoundException.class)
            .isThrownBy(() -> service.app("no-such-app"))
            .satisfies(e -> assertThat(e.id()).isEqualTo("not_found"));
    }

    @Test
    void scale_updatesTheFormation() {
        ProcessFormation web = service.scale("demo-inventory-api", "web", 3L);

        assertThat(web.quantity()).isEqualTo(3);
        assertThat(client.formation().formationInfo("demo-inventory-api", "web").getQuantity())
            .isEqualTo(3);
    }

    @Test
    void scale_refusesANegativeQuantityWithoutCallingHeroku() {
        assertThatIllegalArgumentException().isThrownBy(() -> service.scale("demo-inventory-api", "web", -1L));
        assertThatIllegalArgumentException().isThrownBy(() -> service.scale("demo-inventory-api", " ", 1L));
        assertThat(heroku.simulator().journal().entries()).isEmpty();
    }

    @Test
    void updateConfigVars_setsAndUnsets() {
        Map<String, String> changes = new HashMap<>();
        changes.put("GREETING", "hello");
        changes.put("LOG_LEVEL", null);

        ConfigVarsChanged changed = service.updateConfigVars("demo-storefront", changes);

        assertThat(changed.set()).containsExactly("GREETING");
        assertThat(changed.unset()).containsExactly("LOG_LEVEL");
        assertThat(changed.configVarNames()).contains("GREETING").doesNotContain("LOG_LEVEL");
        Map<String, String> now = client.configVar().configVarInfoForApp("demo-storefront");
        assertThat(now).containsEntry("GREETING", "hello").doesNotContainKey("LOG_LEVEL");
        assertThat(heroku.simulator().journal().entries("PATCH", "/apps/*/config-vars").get(0).body())
            .contains("\"LOG_LEVEL\":null");
    }

    @Test
    void restart_restartsAllDynos() {
        RestartAccepted accepted = service.restart("demo-storefront");

        assertThat(accepted.app()).isEqualTo("demo-storefront");
        assertThat(heroku.simulator().journal().count("DELETE", "/apps/demo-storefront/dynos")).isEqualTo(1);
    }

    @Test
    void tailLogs_streamsTheLinesOfATailingLogSession() {
        List<String> lines;
        try (Stream<String> tail = service.tailLogs("demo-storefront", 10)) {
            lines = tail.toList();
        }

        assertThat(lines).hasSize(4).anySatisfy(line -> assertThat(line).contains("app[web.1]"));
        assertThat(heroku.simulator().journal().entries("POST", "/apps/*/log-sessions").get(0).body())
            .contains("\"tail\":true");
    }

    @Test
    void tailLogs_whenUnknownApp_failsBeforeStreaming() {
        assertThatExceptionOfType(HerokuNotFoundException.class)
            .isThrownBy(() -> service.tailLogs("no-such-app", 10));
    }

}
