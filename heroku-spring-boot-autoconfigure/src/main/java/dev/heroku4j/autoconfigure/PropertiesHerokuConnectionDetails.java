package dev.heroku4j.autoconfigure;

import org.jspecify.annotations.Nullable;

/** {@link HerokuConnectionDetails} from the {@code heroku.*} properties: what applies when no other bean is defined. */
final class PropertiesHerokuConnectionDetails implements HerokuConnectionDetails {

    private final HerokuProperties properties;

    PropertiesHerokuConnectionDetails(HerokuProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getBaseUrl() {
        return this.properties.getBaseUrl();
    }

    @Override
    public @Nullable String getApiKey() {
        return this.properties.getApiKey();
    }

}
