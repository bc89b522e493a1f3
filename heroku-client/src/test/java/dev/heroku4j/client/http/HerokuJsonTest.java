package dev.heroku4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;
import tools.jackson.databind.json.JsonMapper;

class HerokuJsonTest {

    /** Shaped like a generated PATCH model: nullable fields, no annotations that force inclusion. */
    static class AppUpdate {
        public String name;
        public Boolean maintenance;
        public JsonNullable<String> buildStack = JsonNullable.undefined();
    }

    private final JsonMapper mapper = HerokuJson.mapper();

    @Test
    void write_whenPatchModelPartlySet_sendsOnlySetFields() {
        AppUpdate update = new AppUpdate();
        update.maintenance = true;

        assertThat(mapper.writeValueAsString(update)).isEqualTo("{\"maintenance\":true}");
    }

    @Test
    void write_whenJsonNullableExplicitNull_sendsNull() {
        AppUpdate update = new AppUpdate();
        update.buildStack = JsonNullable.of(null);

        assertThat(mapper.writeValueAsString(update)).isEqualTo("{\"buildStack\":null}");
    }

    @Test
    void write_whenMapHasNullValue_keepsTheEntry() {
        Map<String, String> configVars = new LinkedHashMap<>();
        configVars.put("REMOVE_ME", null);
        configVars.put("KEEP", "1");

        assertThat(mapper.writeValueAsString(configVars)).isEqualTo("{\"REMOVE_ME\":null,\"KEEP\":\"1\"}");
    }

    @Test
    void read_whenUnknownProperty_ignoresIt() {
        AppUpdate read = mapper.readValue("{\"name\":\"a\",\"brand_new_field\":1}", AppUpdate.class);

        assertThat(read.name).isEqualTo("a");
    }
}
