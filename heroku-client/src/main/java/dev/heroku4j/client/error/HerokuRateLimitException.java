package dev.heroku4j.client.error;

/** 429 {@code rate_limit}: the account's request quota is used up (also what retries end with when they run out). */
public class HerokuRateLimitException extends HerokuApiException {

    public HerokuRateLimitException(HerokuError error) {
        super(error);
    }
}
