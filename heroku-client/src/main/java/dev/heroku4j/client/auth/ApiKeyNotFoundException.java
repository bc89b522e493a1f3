package dev.heroku4j.client.auth;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.error.HerokuException;

/**
 * No API key was configured, set in the environment or found in the netrc file. The message lists each place that
 * was looked at, why it gave no key, and how to provide one.
 */
public class ApiKeyNotFoundException extends HerokuException {

    public ApiKeyNotFoundException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
