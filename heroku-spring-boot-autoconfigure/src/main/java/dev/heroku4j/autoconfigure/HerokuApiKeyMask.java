package dev.heroku4j.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.util.function.SingletonSupplier;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuConfig;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuException;

/**
 * Replaces the API key wherever it occurs inside a text Actuator is about to show. The keys are those the clients
 * resolve (the property, {@code HEROKU_API_KEY}, the CLI's store or netrc) plus the bound {@code heroku.api-key},
 * resolved once, at the first value looked at: after that, each value costs one {@code contains} per key. A key a
 * rotating supplier hands out later is not known here (nor is it in the environment).
 */
final class HerokuApiKeyMask {

    static final String MASK = "******";

    /** Shorter values are no real key (Heroku's are UUIDs or long tokens) and would mask unrelated text. */
    static final int MIN_LENGTH = 8;

    private final Supplier<List<String>> keys;

    HerokuApiKeyMask(HerokuProperties properties, ObjectProvider<ReactiveHerokuClient> reactiveClients,
            ObjectProvider<HerokuClient> clients) {
        this.keys = SingletonSupplier.of(() -> {
            Set<String> found = new LinkedHashSet<>();
            add(found, properties.getApiKey());
            reactiveClients.orderedStream().forEach((client) -> add(found, client.config()));
            clients.orderedStream().forEach((client) -> add(found, client.config()));
            return List.copyOf(found);
        });
    }

    SanitizableData apply(SanitizableData data, String text) {
        String masked = text;
        for (String key : this.keys.get()) {
            if (masked.contains(key)) {
                masked = masked.replace(key, MASK);
            }
        }
        return (masked == text) ? data : data.withValue(masked);
    }

    private static void add(Set<String> found, HerokuConfig config) {
        try {
            add(found, config.apiKeys().get().value());
        }
        catch (HerokuException | IllegalStateException ex) {
            // no key there: nothing to mask
        }
    }

    private static void add(Set<String> found, String key) {
        if (key != null && key.strip().length() >= MIN_LENGTH) {
            found.add(key.strip());
        }
    }

}
