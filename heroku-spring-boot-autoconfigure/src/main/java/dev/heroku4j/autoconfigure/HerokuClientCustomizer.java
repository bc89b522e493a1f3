package dev.heroku4j.autoconfigure;

import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.ReactiveHerokuClient;

/**
 * Customizes the auto-configured {@link ReactiveHerokuClient} (and so the blocking client on it) before it is built. Beans of this type are applied after the
 * {@code heroku.*} properties, in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface HerokuClientCustomizer {

    /**
     * Customizes the builder.
     * @param builder the builder, with the {@code heroku.*} properties already applied
     */
    void customize(HerokuClientBuilder<?> builder);

}
