package dev.heroku4j.client.error;

/** 401 {@code unauthorized}: the API key is missing, wrong or expired. */
public class HerokuUnauthorizedException extends HerokuApiException {

    public HerokuUnauthorizedException(HerokuError error) {
        super(error);
    }
}
