package dev.heroku4j.sample;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.heroku4j.autoconfigure.webhooks.HerokuWebhookListener;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.webhook.WebhookEvent;

/**
 * The latest Heroku webhook events this application received (newest first), and the pages watching them live.
 * Only what a page shows is kept: entity, action, app, a one-line summary; no data beyond that.
 */
@Component
class WebhookFeed {

    static final int KEEP = 50;

    /** One event as the page shows it. */
    record Item(String id, String entity, String action, @Nullable String app, String summary,
            @Nullable OffsetDateTime publishedAt) {
    }

    private final Deque<Item> latest = new ArrayDeque<>();

    private final List<SseEmitter> watchers = new CopyOnWriteArrayList<>();

    @HerokuWebhookListener
    void received(WebhookEvent event) {
        Item item = new Item(String.valueOf(event.deliveryKey()), event.entity(), event.action(), app(event),
                summary(event), event.publishedAt());
        synchronized (this.latest) {
            this.latest.addFirst(item);
            while (this.latest.size() > KEEP) {
                this.latest.removeLast();
            }
        }
        for (SseEmitter watcher : this.watchers) {
            try {
                watcher.send(SseEmitter.event().name("webhook").data(item));
            }
            catch (IOException | IllegalStateException ex) {
                this.watchers.remove(watcher); // the page went away
            }
        }
    }

    List<Item> latest() {
        synchronized (this.latest) {
            return List.copyOf(this.latest);
        }
    }

    SseEmitter watch() {
        SseEmitter emitter = new SseEmitter(0L); // until the page closes it
        emitter.onCompletion(() -> this.watchers.remove(emitter));
        emitter.onError(error -> this.watchers.remove(emitter));
        this.watchers.add(emitter);
        return emitter;
    }

    private static @Nullable String app(WebhookEvent event) {
        if ("api:app".equals(event.entity())) {
            return event.dataJson().path("name").asString(null);
        }
        return event.dataJson().path("app").path("name").asString(null);
    }

    private static String summary(WebhookEvent event) {
        if (event.data() instanceof Formation formation) {
            return formation.getType() + " × " + formation.getQuantity();
        }
        if (event.data() instanceof Release release) {
            return "v" + release.getVersion() + " " + release.getStatusAsString() + ": " + release.getDescription();
        }
        String status = event.status();
        return status != null ? status : event.action();
    }

}
