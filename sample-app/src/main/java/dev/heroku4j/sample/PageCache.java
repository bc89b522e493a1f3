package dev.heroku4j.sample;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.heroku4j.autoconfigure.webhooks.HerokuWebhookListener;
import dev.heroku4j.client.webhook.WebhookEvent;

/**
 * The page's reads (every app with formation and latest release; one app's details) kept for
 * {@code sample.page-cache.ttl} (default 0: off). A page load costs 25 Heroku calls with the demo's three apps
 * (7 for the list, 6 an app), and Heroku refills 75 calls a minute: without a cache, three page loads a minute can
 * go on for good and a burst of loads empties the 4,500 calls in about 180. With 20 s (what the built-in demo
 * uses) the page costs at most one load's calls every 20 s, however often it is loaded: within the refill. Everything
 * is forgotten when the sample changes an app, and when a Heroku webhook event says something changed elsewhere.
 */
@Component
class PageCache {

    private record Entry(Object value, long expiresAt) {
    }

    private final long ttlNanos;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    PageCache(@Value("${sample.page-cache.ttl:0s}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The value kept under {@code key}, or a fresh one from {@code load}; failures are not kept. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> load) {
        if (this.ttlNanos <= 0) {
            return load.get();
        }
        long now = System.nanoTime();
        Entry entry = this.entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return (T) entry.value();
        }
        T value = load.get();
        this.entries.put(key, new Entry(value, now + this.ttlNanos));
        return value;
    }

    /** After a change: every page read is asked again (cheap, and never stale for what the sample itself did). */
    void forget() {
        this.entries.clear();
    }

    @HerokuWebhookListener
    void changedElsewhere(WebhookEvent event) {
        forget();
    }

}
