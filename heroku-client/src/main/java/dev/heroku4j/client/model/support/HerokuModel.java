package dev.heroku4j.client.model.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.openapitools.jackson.nullable.JsonNullable;
import tools.jackson.databind.JsonNode;

/**
 * The base of every generated model: keeps the fields Heroku sent that this version of the client does not know,
 * so a field Heroku adds tomorrow is readable today ({@link #unknownField(String)}) and is written back when the
 * model is serialised again.
 */
public abstract class HerokuModel {

    @JsonIgnore
    private @Nullable Map<String, JsonNode> unknown;

    protected HerokuModel() {
    }

    /** Fields of the JSON object that the model has no property for, by JSON name, in arrival order. Read-only. */
    @JsonAnyGetter
    public Map<String, JsonNode> unknownFields() {
        return unknown == null ? Map.of() : Collections.unmodifiableMap(unknown);
    }

    /** One field the model has no property for, by its JSON name. */
    public Optional<JsonNode> unknownField(String name) {
        return Optional.ofNullable(unknown == null ? null : unknown.get(name));
    }

    @JsonAnySetter
    protected void putUnknownField(String name, JsonNode value) {
        if (unknown == null) {
            unknown = new LinkedHashMap<>();
        }
        unknown.put(name, value);
    }

    /** For the generated {@code toString()}: a field that was set, unwrapped from {@link JsonNullable}. */
    protected static void append(StringBuilder sb, String name, @Nullable Object value) {
        if (value instanceof JsonNullable<?> nullable) {
            if (!nullable.isPresent()) {
                return;
            }
            value = nullable.get();
        }
        if (value == null) {
            return;
        }
        if (sb.charAt(sb.length() - 1) != '{') {
            sb.append(", ");
        }
        sb.append(name).append('=').append(value);
    }

    protected StringBuilder appendUnknown(StringBuilder sb) {
        if (unknown != null) {
            unknown.forEach((name, value) -> append(sb, name, value));
        }
        return sb;
    }
}
