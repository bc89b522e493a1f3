package dev.heroku4j.client.error;

/** 403 {@code two_factor}: repeat the call with a {@code Heroku-Two-Factor-Code} header. */
public class HerokuTwoFactorRequiredException extends HerokuForbiddenException {

    public HerokuTwoFactorRequiredException(HerokuError error) {
        super(error);
    }
}
