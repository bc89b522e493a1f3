package dev.heroku4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the heroku4j runtime raises for a failed call: {@link HerokuApiException} when Heroku
 * answered with an error status, {@link HerokuTransportException} when no response arrived. Unchecked.
 */
public class HerokuException extends RuntimeException {

    public HerokuException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
