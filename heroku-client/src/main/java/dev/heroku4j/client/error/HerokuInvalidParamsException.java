package dev.heroku4j.client.error;

/** 422 {@code invalid_params}: the request body or parameters were rejected. */
public class HerokuInvalidParamsException extends HerokuApiException {

    public HerokuInvalidParamsException(HerokuError error) {
        super(error);
    }
}
