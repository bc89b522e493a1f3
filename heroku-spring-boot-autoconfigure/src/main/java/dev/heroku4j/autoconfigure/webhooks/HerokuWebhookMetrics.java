package dev.heroku4j.autoconfigure.webhooks;

/**
 * Counts deliveries by outcome. With Micrometer, the counter {@value MicrometerHerokuWebhookMetrics#NAME} with the
 * tag {@code outcome} ({@code accepted}, {@code rejected}, {@code duplicated}).
 */
public interface HerokuWebhookMetrics {

    HerokuWebhookMetrics NONE = outcome -> {
    };

    enum Outcome {
        /** Verified and handed to the listeners. */
        ACCEPTED,
        /** Refused: signature, authorization, size, content type, body, or a listener failed. */
        REJECTED,
        /** A retry of a delivery already handed over: answered 204 again, not handed over. */
        DUPLICATED
    }

    void record(Outcome outcome);
}
