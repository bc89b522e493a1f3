package dev.heroku4j.client.error;

/** 404 {@code not_found}: no such resource, or not visible to this account. */
public class HerokuNotFoundException extends HerokuApiException {

    public HerokuNotFoundException(HerokuError error) {
        super(error);
    }
}
