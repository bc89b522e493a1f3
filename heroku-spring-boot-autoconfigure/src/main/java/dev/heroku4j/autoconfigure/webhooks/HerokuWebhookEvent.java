package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.context.ApplicationEvent;

import dev.heroku4j.client.webhook.WebhookEvent;

/**
 * A verified Heroku webhook event, published once per delivery (retries of it are not published again). Listen with
 * {@code @EventListener}, {@link HerokuWebhookListener} (filtered by entity, action, status) or a
 * {@link HerokuWebhookHandler} bean. Listeners run on the request's thread: one that throws makes the endpoint
 * answer 500, so Heroku delivers the event again.
 */
public class HerokuWebhookEvent extends ApplicationEvent {

    private final WebhookEvent event;

    public HerokuWebhookEvent(Object source, WebhookEvent event) {
        super(source);
        this.event = event;
    }

    public WebhookEvent event() {
        return this.event;
    }

    /** The event's data as the given model, e.g. {@code data(Release.class)}. */
    public <T> T data(Class<T> type) {
        return this.event.data(type);
    }
}
