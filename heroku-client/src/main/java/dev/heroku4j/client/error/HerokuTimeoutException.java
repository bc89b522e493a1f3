package dev.heroku4j.client.error;

import java.time.Duration;

/**
 * A blocking call did not finish within the client's call timeout ({@code heroku.call-timeout}), retries
 * included; the call was cancelled. For a POST or PATCH, Heroku may still have acted.
 */
public class HerokuTimeoutException extends HerokuException {

    private final Duration callTimeout;

    public HerokuTimeoutException(Duration callTimeout) {
        super("The Heroku call did not finish within the call timeout of " + callTimeout + " (retries included)", null);
        this.callTimeout = callTimeout;
    }

    public Duration callTimeout() {
        return callTimeout;
    }
}
