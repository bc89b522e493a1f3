package dev.heroku4j.client.auth;

import java.util.Objects;

/**
 * A Heroku API key (or OAuth token) plus a description of where it came from.
 *
 * <p>{@link #toString()} never shows the key, so the object is safe to log, to put into exception messages and to
 * show in a debugger's variable view. Only {@link #value()} reveals it.
 */
public final class ApiKey {

    private final String value;
    private final String source;

    private ApiKey(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /**
     * @param value  the key; surrounding whitespace is removed
     * @param source where it came from, for messages (e.g. {@code "environment variable HEROKU_API_KEY"})
     * @throws IllegalArgumentException if the key is blank
     */
    public static ApiKey of(String value, String source) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("API key from " + source + " is blank");
        }
        return new ApiKey(trimmed, source);
    }

    /** The secret itself. Pass it only to an {@code Authorization} header. */
    public String value() {
        return value;
    }

    /** Where the key was found, e.g. {@code "/home/me/.netrc line 2"}. Never contains the key. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[from " + source + ", value hidden]";
    }
}
