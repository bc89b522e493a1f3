package dev.heroku4j.client.error;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Heroku answered with a non-2xx status. Subclasses name the common error ids; anything else is this class.
 * Use {@link #error()} for every detail, including the request's method and path template.
 */
public class HerokuApiException extends HerokuException {

    private final HerokuError error;

    public HerokuApiException(HerokuError error) {
        super(error.summary(), null);
        this.error = Objects.requireNonNull(error, "error");
    }

    public HerokuError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    /** Heroku's error id, e.g. {@code not_found}; null when the body was not Heroku JSON. */
    public @Nullable String id() {
        return error.id();
    }

    /** Heroku's own message (not {@link #getMessage()}, which is a summary with status and request). */
    public @Nullable String herokuMessage() {
        return error.message();
    }

    public @Nullable String url() {
        return error.url();
    }

    public @Nullable String requestId() {
        return error.requestId();
    }

    public @Nullable Integer rateLimitRemaining() {
        return error.rateLimitRemaining();
    }

    public @Nullable Duration retryAfter() {
        return error.retryAfter();
    }

    /** Maps an error to the most specific subclass: by Heroku id first, then by status. */
    public static HerokuApiException of(HerokuError error) {
        String id = error.id() == null ? "" : error.id();
        switch (id) {
            case "two_factor":
                return new HerokuTwoFactorRequiredException(error);
            case "unauthorized":
                return new HerokuUnauthorizedException(error);
            case "forbidden":
                return new HerokuForbiddenException(error);
            case "not_found":
                return new HerokuNotFoundException(error);
            case "conflict":
                return new HerokuConflictException(error);
            case "invalid_params":
                return new HerokuInvalidParamsException(error);
            case "rate_limit":
                return new HerokuRateLimitException(error);
            default:
                break;
        }
        return switch (error.status()) {
            case 401 -> new HerokuUnauthorizedException(error);
            case 403 -> new HerokuForbiddenException(error);
            case 404 -> new HerokuNotFoundException(error);
            case 409 -> new HerokuConflictException(error);
            case 422 -> new HerokuInvalidParamsException(error);
            case 429 -> new HerokuRateLimitException(error);
            default -> new HerokuApiException(error);
        };
    }
}
