package dev.heroku4j.client;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A change to an app's config vars, for {@code configVarUpdate}: Heroku sets each key given a value and unsets each
 * key given {@code null}. {@code Map.of} refuses null values, so this reads better than a {@code HashMap}:
 * <pre>{@code
 * heroku.configVar().configVarUpdate("my-app", ConfigVars.set("DEBUG", "1").andUnset("OLD_FLAG"));
 * }</pre>
 * Keys keep the order they were given in; a key given twice keeps its last value.
 */
public final class ConfigVars extends AbstractMap<String, @Nullable String> {

    private final Map<String, @Nullable String> changes = new LinkedHashMap<>();

    private ConfigVars() {
    }

    /** A change that sets {@code key} to {@code value}. */
    public static ConfigVars set(String key, String value) {
        return new ConfigVars().and(key, value);
    }

    /** A change that unsets these keys. */
    public static ConfigVars unset(String... keys) {
        ConfigVars vars = new ConfigVars();
        for (String key : keys) {
            vars.changes.put(checked(key), null);
        }
        return vars;
    }

    /** Also sets {@code key} to {@code value}. */
    public ConfigVars and(String key, String value) {
        changes.put(checked(key), Objects.requireNonNull(value, () -> "value of " + key + " (use unset to remove it)"));
        return this;
    }

    /** Also unsets {@code key}. */
    public ConfigVars andUnset(String key) {
        changes.put(checked(key), null);
        return this;
    }

    private static String checked(String key) {
        if (Objects.requireNonNull(key, "key").isBlank()) {
            throw new IllegalArgumentException("config var key must not be blank");
        }
        return key;
    }

    @Override
    public Set<Entry<String, @Nullable String>> entrySet() {
        return Collections.unmodifiableMap(changes).entrySet();
    }
}
