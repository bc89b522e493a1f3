package dev.heroku4j.autoconfigure.webhooks;

import java.util.List;

import org.springframework.context.ApplicationListener;

import dev.heroku4j.client.webhook.WebhookEvent;

/** Hands each published {@link HerokuWebhookEvent} to the {@link HerokuWebhookHandler} beans and listener methods. */
final class HerokuWebhookDispatcher implements ApplicationListener<HerokuWebhookEvent> {

    private final List<HerokuWebhookHandler> handlers;

    private final HerokuWebhookListenerMethods methods;

    HerokuWebhookDispatcher(List<HerokuWebhookHandler> handlers, HerokuWebhookListenerMethods methods) {
        this.handlers = handlers;
        this.methods = methods;
    }

    @Override
    public void onApplicationEvent(HerokuWebhookEvent published) {
        WebhookEvent event = published.event();
        for (HerokuWebhookHandler handler : this.handlers) {
            if ((handler.entities().isEmpty() || handler.entities().contains(event.entity()))
                    && (handler.actions().isEmpty() || handler.actions().contains(event.action()))) {
                handler.handle(event);
            }
        }
        this.methods.dispatch(published);
    }
}
