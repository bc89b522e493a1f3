package dev.heroku4j.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HerokuPropertiesTests {

    private static final List<String> KEYS = List.of("heroku.enabled", "heroku.preinitialize", "heroku.api-key", "heroku.base-url", "heroku.ssl-bundle",
            "heroku.user-agent", "heroku.call-timeout", "heroku.connect-timeout", "heroku.response-timeout",
            "heroku.retry.max-retries", "heroku.retry.max-total-wait", "heroku.rate-limit.throttle",
            "heroku.rate-limit.threshold", "heroku.rate-limit.max-interval", "heroku.rate-limit.probe",
            "heroku.rate-limit.shared.enabled", "heroku.rate-limit.shared.store", "heroku.rate-limit.shared.key-prefix",
            "heroku.rate-limit.shared.table", "heroku.rate-limit.shared.margin", "heroku.rate-limit.shared.store-timeout",
            "heroku.rate-limit.shared.retry-store-after", "heroku.health.timeout",
            "heroku.webhooks.secret", "heroku.webhooks.path", "heroku.webhooks.authorization",
            "heroku.webhooks.max-body-size", "heroku.webhooks.duplicate-window",
            "management.health.heroku.enabled");

    @Test
    void toString_whenKeyIsSet_masksIt() {
        HerokuProperties properties = new HerokuProperties();
        properties.setApiKey("hrku-SECRET-0001");
        assertThat(properties.toString()).doesNotContain("hrku-SECRET-0001").contains("apiKey=******");
        properties.setApiKey(null);
        assertThat(properties.toString()).contains("apiKey=not set");
    }

    @Test
    void configurationMetadata_whenGenerated_describesEveryKey() throws Exception {
        Path file = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
        assertThat(file).exists();
        JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(file));
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
        assertThat(properties.keySet().stream().filter((name) -> name.startsWith("heroku.")))
            .containsExactlyInAnyOrderElementsOf(KEYS.stream().filter((k) -> k.startsWith("heroku.")).toList());
        for (String key : KEYS) {
            assertThat(properties).containsKey(key);
            assertThat(properties.get(key).path("description").asString("")).as(key).isNotBlank();
        }
        assertThat(properties.get("heroku.base-url").get("defaultValue").asString()).isEqualTo("https://api.heroku.com");
        assertThat(properties.get("heroku.health.timeout").get("defaultValue").asString()).isEqualTo("2s");
    }

}
