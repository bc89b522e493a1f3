package dev.heroku4j.autoconfigure.webhooks;

import java.util.Set;

import dev.heroku4j.client.webhook.WebhookEvent;

/**
 * A bean that receives Heroku webhook events, the interface form of {@link HerokuWebhookListener}: override
 * {@link #entities()} and {@link #actions()} to narrow what it is given (empty means any).
 */
public interface HerokuWebhookHandler {

    default Set<String> entities() {
        return Set.of();
    }

    default Set<String> actions() {
        return Set.of();
    }

    void handle(WebhookEvent event);
}
