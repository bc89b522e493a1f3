package dev.heroku4j.client.webhook;

/**
 * A webhook delivery was refused. The message says which check failed and never contains a secret, a signature or
 * any part of the body, so it can be logged as it is.
 */
public class WebhookVerificationException extends RuntimeException {

    /** Which check failed; a receiver maps it to its answer (401, 413, 415, 400). */
    public enum Reason {
        /** No {@code Heroku-Webhook-Hmac-SHA256} header. */
        MISSING_SIGNATURE,
        /** The signature matches none of the secrets (another secret, another body, a truncated body). */
        WRONG_SIGNATURE,
        /** The {@code Authorization} value is missing or not the one registered with the webhook. */
        WRONG_AUTHORIZATION,
        /** The body is larger than the receiver accepts. */
        TOO_LARGE,
        /** Not {@code application/json}. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Signed correctly but not a webhook envelope (not JSON, no object, no entity). */
        MALFORMED
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }
}
