package dev.heroku4j.autoconfigure;

import dev.heroku4j.client.HerokuClient;

/**
 * Customizes the auto-configured {@link HerokuClient} before it is built. Beans of this type are applied after the
 * {@code heroku.*} properties, in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface HerokuClientCustomizer {

    /**
     * Customizes the builder.
     * @param builder the builder, with the {@code heroku.*} properties already applied
     */
    void customize(HerokuClient.Builder builder);

}
