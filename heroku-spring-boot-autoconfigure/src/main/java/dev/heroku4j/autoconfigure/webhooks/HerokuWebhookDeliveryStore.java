package dev.heroku4j.autoconfigure.webhooks;

/**
 * Remembers the deliveries already handed to the application, so Heroku's retries of one are recognised. The
 * default keeps the latest ones in memory ({@link InMemoryHerokuWebhookDeliveryStore}); declare a bean of this type
 * to share the window between instances (a database, a cache).
 */
public interface HerokuWebhookDeliveryStore {

    /** Records the key; {@code true} the first time it is seen, {@code false} for a duplicate. Atomic. */
    boolean firstTime(String deliveryKey);

    /** Forgets the key again: its listeners failed, so the retry must be handed over. */
    void forget(String deliveryKey);
}
