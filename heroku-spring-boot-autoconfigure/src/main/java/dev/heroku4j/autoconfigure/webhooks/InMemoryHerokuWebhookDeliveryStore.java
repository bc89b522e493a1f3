package dev.heroku4j.autoconfigure.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The latest {@code capacity} delivery keys, in memory; the oldest is forgotten first. Thread-safe. */
public final class InMemoryHerokuWebhookDeliveryStore implements HerokuWebhookDeliveryStore {

    private final Map<String, Boolean> seen;

    public InMemoryHerokuWebhookDeliveryStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized boolean firstTime(String deliveryKey) {
        return this.seen.putIfAbsent(deliveryKey, Boolean.TRUE) == null;
    }

    @Override
    public synchronized void forget(String deliveryKey) {
        this.seen.remove(deliveryKey);
    }
}
