package dev.heroku4j.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Argument checks of the generated API methods, made when the method is called, before anything is sent: a null
 * identity is a {@link NullPointerException}, a blank one or one that is not a single path segment an
 * {@link IllegalArgumentException}, each naming the parameter.
 */
public final class Args {

    private static final String[] NONE = new String[0];

    private Args() {
    }

    /** Path values in template order, from name/value pairs, each checked. */
    public static String[] path(Object... namesAndValues) {
        if (namesAndValues.length == 0) {
            return NONE;
        }
        String[] values = new String[namesAndValues.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = identity((String) namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return values;
    }

    /** An identity (name or id) for a path segment: a {@code String} or a {@code UUID}. */
    public static String identity(String parameter, @Nullable Object value) {
        Objects.requireNonNull(value, () -> parameter + " must not be null");
        String text = value.toString();
        if (text.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank");
        }
        String stripped = text.strip();
        if (stripped.equals(".") || stripped.equals("..")) {
            throw new IllegalArgumentException(parameter + " must not be '" + stripped + "': it is no identity");
        }
        return text;
    }

    /** A required request body. */
    public static <T> T body(String parameter, @Nullable T body) {
        return Objects.requireNonNull(body, () -> parameter + " must not be null");
    }

    /** Query parameters from name/value pairs; null values are left out. */
    public static @Nullable Map<String, String> query(@Nullable Object... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                query.put(String.valueOf(namesAndValues[i]), value.toString());
            }
        }
        return query.isEmpty() ? null : query;
    }
}
