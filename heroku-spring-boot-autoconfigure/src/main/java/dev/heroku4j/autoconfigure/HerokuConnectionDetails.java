package dev.heroku4j.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the auto-configured clients reach the Heroku API: its base URL and the API key. Taken from
 * {@code heroku.base-url} and {@code heroku.api-key} unless a bean of this type exists, which then wins over both:
 * one an application defines, or one made by Spring Boot's {@code @ServiceConnection} for a
 * {@code HerokuSimulatorContainer} (see {@code dev.heroku4j.autoconfigure.testcontainers}).
 */
public interface HerokuConnectionDetails extends ConnectionDetails {

    /** Base URL of the Platform API: {@code https://api.heroku.com}, or a simulator's {@code http://127.0.0.1:port}. */
    String getBaseUrl();

    /**
     * The API key, or {@code null} to look it up as when none is configured: {@code HEROKU_API_KEY}, then the
     * Heroku CLI's credential store, then {@code ~/.netrc}.
     */
    default @Nullable String getApiKey() {
        return null;
    }

}
