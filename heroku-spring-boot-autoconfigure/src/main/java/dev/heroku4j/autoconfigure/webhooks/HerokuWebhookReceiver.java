package dev.heroku4j.autoconfigure.webhooks;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import dev.heroku4j.autoconfigure.webhooks.HerokuWebhookMetrics.Outcome;
import dev.heroku4j.client.webhook.WebhookEvent;
import dev.heroku4j.client.webhook.WebhookEvents;
import dev.heroku4j.client.webhook.WebhookVerificationException;
import dev.heroku4j.client.webhook.WebhookVerifier;

/**
 * What the endpoint does with one delivery, whatever the web stack: verify the raw bytes, then check the content
 * type, read the event, skip a retry already handed over, publish it. Answers the HTTP status: 204 accepted (or a
 * duplicate), 401 wrong or missing signature or authorization, 413 too large, 415 not JSON, 400 not a Heroku event,
 * 500 a listener failed (Heroku delivers it again). Nothing of the body or the secret is logged.
 */
public final class HerokuWebhookReceiver {

    private static final Logger logger = LoggerFactory.getLogger(HerokuWebhookReceiver.class);

    private final WebhookVerifier verifier;

    private final HerokuWebhookDeliveryStore store;

    private final ApplicationEventPublisher publisher;

    private final HerokuWebhookMetrics metrics;

    public HerokuWebhookReceiver(WebhookVerifier verifier, HerokuWebhookDeliveryStore store,
            ApplicationEventPublisher publisher, HerokuWebhookMetrics metrics) {
        this.verifier = verifier;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** The largest body to read; one byte more means 413. */
    public int maxBodyBytes() {
        return this.verifier.maxBodyBytes();
    }

    /** A delivery refused before it was read (too large, unreadable). */
    public int refuse(int status, String why) {
        this.metrics.record(Outcome.REJECTED);
        logger.warn("Heroku webhook delivery refused ({}): {}", status, why);
        return status;
    }

    /**
     * Handles one delivery.
     *
     * @return the HTTP status to answer, without a body
     */
    public int receive(byte[] body, @Nullable String contentType, @Nullable String signature,
            @Nullable String authorization) {
        WebhookEvent event;
        try {
            this.verifier.verify(body, signature, authorization);
            if (!isJson(contentType)) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.UNSUPPORTED_MEDIA_TYPE,
                        "Webhook delivery is not application/json");
            }
            event = WebhookEvents.read(body);
        }
        catch (WebhookVerificationException ex) {
            return refuse(status(ex.reason()), ex.getMessage());
        }
        String key = event.deliveryKey();
        if (key != null && !this.store.firstTime(key)) {
            this.metrics.record(Outcome.DUPLICATED);
            logger.debug("Heroku webhook delivery {} seen before: not handed over again", key);
            return 204;
        }
        try {
            this.publisher.publishEvent(new HerokuWebhookEvent(this, event));
        }
        catch (RuntimeException ex) {
            if (key != null) {
                this.store.forget(key);
            }
            logger.error("A listener failed on {}; answering 500 so that Heroku delivers it again", event, ex);
            this.metrics.record(Outcome.REJECTED);
            return 500;
        }
        this.metrics.record(Outcome.ACCEPTED);
        return 204;
    }

    private static int status(WebhookVerificationException.Reason reason) {
        return switch (reason) {
            case MISSING_SIGNATURE, WRONG_SIGNATURE, WRONG_AUTHORIZATION -> 401;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case MALFORMED -> 400;
        };
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype() && MediaType.APPLICATION_JSON.includes(type);
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }
}
