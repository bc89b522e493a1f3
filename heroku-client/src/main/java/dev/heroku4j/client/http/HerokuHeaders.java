package dev.heroku4j.client.http;

/** Header names of the Heroku Platform API that the runtime reads or writes. */
public final class HerokuHeaders {

    public static final String REQUEST_ID = "Request-Id";
    public static final String RANGE = "Range";
    public static final String NEXT_RANGE = "Next-Range";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String WARNING_MESSAGE = "Warning-Message";
    public static final String X_HEROKU_WARNING = "X-Heroku-Warning";
    public static final String TWO_FACTOR_CODE = "Heroku-Two-Factor-Code";
    /** {@code application/vnd.heroku+json}; the variant goes into the {@code version} parameter. */
    public static final String VENDOR_MEDIA_TYPE = "application/vnd.heroku+json";

    private HerokuHeaders() {
    }

    /** The Accept value for a variant: {@code "3"} gives {@code application/vnd.heroku+json; version=3}. */
    public static String accept(String variant) {
        return VENDOR_MEDIA_TYPE + "; version=" + variant;
    }
}
