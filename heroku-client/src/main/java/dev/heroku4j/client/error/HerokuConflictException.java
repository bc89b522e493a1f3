package dev.heroku4j.client.error;

/** 409 {@code conflict}: the resource is in a state that does not allow the change. */
public class HerokuConflictException extends HerokuApiException {

    public HerokuConflictException(HerokuError error) {
        super(error);
    }
}
