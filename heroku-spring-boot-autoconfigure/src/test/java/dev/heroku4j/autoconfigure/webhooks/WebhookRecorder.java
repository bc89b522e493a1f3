package dev.heroku4j.autoconfigure.webhooks;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;

import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.webhook.WebhookEvent;

/** The test application's listeners, in every form the starter offers; each records what it was given. */
class WebhookRecorder {

    final BlockingQueue<WebhookEvent> all = new LinkedBlockingQueue<>();

    final List<Formation> formations = new CopyOnWriteArrayList<>();

    final List<Release> succeededReleases = new CopyOnWriteArrayList<>();

    final List<WebhookEvent> dynoEvents = new CopyOnWriteArrayList<>();

    /** Deliveries the next calls of {@link #all} refuse (a listener that fails), counted down. */
    final AtomicInteger failNext = new AtomicInteger();

    @EventListener
    void any(HerokuWebhookEvent event) {
        if (this.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("listener failed on purpose");
        }
        this.all.add(event.event());
    }

    @HerokuWebhookListener(entity = "api:formation")
    void formation(Formation formation) {
        this.formations.add(formation);
    }

    @HerokuWebhookListener(entity = "api:release", status = "succeeded")
    void released(Release release) {
        this.succeededReleases.add(release);
    }

    WebhookEvent next() throws InterruptedException {
        WebhookEvent event = this.all.poll(15, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no webhook event within 15 s");
        }
        return event;
    }

    void clear() {
        this.all.clear();
        this.formations.clear();
        this.succeededReleases.clear();
        this.dynoEvents.clear();
        this.failNext.set(0);
    }

    /** The interface form, narrowed to dyno events. */
    class Dynos implements HerokuWebhookHandler {

        @Override
        public java.util.Set<String> entities() {
            return java.util.Set.of("dyno");
        }

        @Override
        public void handle(WebhookEvent event) {
            WebhookRecorder.this.dynoEvents.add(event);
        }
    }
}
