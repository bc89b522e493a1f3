package dev.heroku4j.client.error;

/** 403 {@code forbidden}: the key is valid but may not do this. */
public class HerokuForbiddenException extends HerokuApiException {

    public HerokuForbiddenException(HerokuError error) {
        super(error);
    }
}
