package dev.heroku4j.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code heroku.*} property has a value the client cannot work with. Explained at start-up by
 * {@link HerokuPropertyFailureAnalyzer}: the property, the value as configured (user info of a URL hidden), what
 * is wrong with it and what is allowed.
 */
public class InvalidHerokuPropertyException extends RuntimeException {

    private final String property;
    private final String value;
    private final String problem;
    private final String action;

    InvalidHerokuPropertyException(String property, String value, String problem, String action,
            @Nullable Throwable cause) {
        super("Invalid " + property + " '" + value + "': " + problem + ". " + action, cause);
        this.property = property;
        this.value = value;
        this.problem = problem;
        this.action = action;
    }

    /** A value outside what is allowed: the action says what is. */
    public static InvalidHerokuPropertyException notAllowed(String property, Object value, String problem, String allowed,
            @Nullable Throwable cause) {
        return new InvalidHerokuPropertyException(property, dev.heroku4j.client.http.Urls.withoutUserInfo(String.valueOf(value)),
                problem, "Set " + property + " to " + allowed + ".", cause);
    }

    public String property() {
        return this.property;
    }

    /** The value as configured, with any user info of a URL replaced by {@code ***}. */
    public String value() {
        return this.value;
    }

    public String problem() {
        return this.problem;
    }

    /** What to do instead, naming what is allowed. */
    public String action() {
        return this.action;
    }

}
