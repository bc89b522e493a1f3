package dev.heroku4j.client.webclient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.ApiKeyResolver;
import dev.heroku4j.client.http.ClientVersion;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.ratelimit.GovernorPolicy;
import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.retry.RetrySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings of the Heroku {@code WebClient}. Immutable; build with {@link #builder()}. {@link #toString()} never
 * shows the API key.
 *
 * <p>Defaults: key from {@code HEROKU_API_KEY} or {@code ~/.netrc}; base URL {@code https://api.heroku.com};
 * User-Agent {@code heroku4j/<version>}; Accept variant {@code 3}; timeouts 10 s connect / 30 s response; retry
 * 3 times within 30 s; no rate-limit governor; {@link HerokuJson#mapper()}; 16 MiB in-memory limit.
 */
public final class HerokuClientOptions {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.heroku.com");

    private final Supplier<ApiKey> apiKeys;
    private final URI baseUrl;
    private final String userAgent;
    private final String defaultVariant;
    private final HttpTimeouts timeouts;
    private final RetrySettings retry;
    private final @Nullable GovernorPolicy governor;
    private final @Nullable RateLimitTracker rateLimitTracker;
    private final List<Consumer<RateLimitSnapshot>> rateLimitListeners;
    private final @Nullable JsonMapper jsonMapper;
    private final int maxInMemorySize;
    private final @Nullable ClientHttpConnector clientConnector;

    private HerokuClientOptions(Builder b) {
        this.apiKeys = b.apiKeys;
        this.baseUrl = b.baseUrl;
        this.userAgent = b.userAgent;
        this.defaultVariant = b.defaultVariant;
        this.timeouts = b.timeouts;
        this.retry = b.retry;
        this.governor = b.governor;
        this.rateLimitTracker = b.rateLimitTracker;
        this.rateLimitListeners = List.copyOf(b.rateLimitListeners);
        this.jsonMapper = b.jsonMapper;
        this.maxInMemorySize = b.maxInMemorySize;
        this.clientConnector = b.clientConnector;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All defaults. */
    public static HerokuClientOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiKeys = apiKeys;
        b.baseUrl = baseUrl;
        b.userAgent = userAgent;
        b.defaultVariant = defaultVariant;
        b.timeouts = timeouts;
        b.retry = retry;
        b.governor = governor;
        b.rateLimitTracker = rateLimitTracker;
        b.rateLimitListeners.addAll(rateLimitListeners);
        b.jsonMapper = jsonMapper;
        b.maxInMemorySize = maxInMemorySize;
        b.clientConnector = clientConnector;
        return b;
    }

    public Supplier<ApiKey> apiKeys() {
        return apiKeys;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String userAgent() {
        return userAgent;
    }

    public String defaultVariant() {
        return defaultVariant;
    }

    public HttpTimeouts timeouts() {
        return timeouts;
    }

    public RetrySettings retry() {
        return retry;
    }

    /** The governor policy, or null when the governor is off (the default). */
    public @Nullable GovernorPolicy governor() {
        return governor;
    }

    /** A tracker to share between clients of one account, or null for one per configurer. */
    public @Nullable RateLimitTracker rateLimitTracker() {
        return rateLimitTracker;
    }

    public List<Consumer<RateLimitSnapshot>> rateLimitListeners() {
        return rateLimitListeners;
    }

    /** The mapper for request and response bodies; a new {@link HerokuJson#mapper()} when not set. */
    public JsonMapper jsonMapper() {
        return jsonMapper != null ? jsonMapper : HerokuJson.mapper();
    }

    public int maxInMemorySize() {
        return maxInMemorySize;
    }

    /**
     * The connector to use (e.g. one Spring Boot built with an SSL bundle), or null for heroku4j's own Reactor Netty
     * connector with {@link #timeouts()}. A given connector must not follow redirects: the key filter never sees a
     * redirect the connector follows.
     */
    public @Nullable ClientHttpConnector clientConnector() {
        return clientConnector;
    }

    @Override
    public String toString() {
        return "HerokuClientOptions[apiKey=" + apiKeys + ", baseUrl=" + baseUrl + ", userAgent=" + userAgent
                + ", defaultVariant=" + defaultVariant + ", timeouts=" + timeouts + ", retry=" + retry
                + ", governor=" + (governor == null ? "off" : governor) + ", rateLimitListeners="
                + rateLimitListeners.size() + ", maxInMemorySize=" + maxInMemorySize + "]";
    }

    public static final class Builder {
        private Supplier<ApiKey> apiKeys = ApiKeyResolver.standard();
        private URI baseUrl = DEFAULT_BASE_URL;
        private String userAgent = ClientVersion.defaultUserAgent();
        private String defaultVariant = "3";
        private HttpTimeouts timeouts = HttpTimeouts.DEFAULTS;
        private RetrySettings retry = RetrySettings.DEFAULTS;
        private @Nullable GovernorPolicy governor;
        private @Nullable RateLimitTracker rateLimitTracker;
        private final List<Consumer<RateLimitSnapshot>> rateLimitListeners = new ArrayList<>();
        private @Nullable JsonMapper jsonMapper;
        private @Nullable ClientHttpConnector clientConnector;
        private int maxInMemorySize = HerokuJson.DEFAULT_MAX_IN_MEMORY_SIZE;

        private Builder() {
        }

        /** A fixed key, then environment and netrc if it is null or blank. */
        public Builder apiKey(@Nullable String key) {
            this.apiKeys = ApiKeyResolver.of(key);
            return this;
        }

        /** A key asked for on every request (rotating tokens), then environment and netrc if it gives none. */
        public Builder apiKey(Supplier<@Nullable String> key) {
            this.apiKeys = ApiKeyResolver.builder().apiKey(key).build();
            return this;
        }

        /** Full control over key resolution, e.g. an {@link ApiKeyResolver} with another netrc machine. */
        public Builder apiKeyResolver(Supplier<ApiKey> resolver) {
            this.apiKeys = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** The API origin; the key is sent to this scheme, host and port only. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(baseUrl));
        }

        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("base URL needs a scheme and host: " + baseUrl);
            }
            String s = baseUrl.toString();
            this.baseUrl = s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : baseUrl;
            return this;
        }

        public Builder userAgent(String userAgent) {
            if (Objects.requireNonNull(userAgent, "userAgent").isBlank()) {
                throw new IllegalArgumentException("userAgent is blank");
            }
            this.userAgent = userAgent;
            return this;
        }

        /** The Accept variant for operations whose spec names none or plain {@code 3}: {@code "3"} or {@code "3.sdk"}. */
        public Builder defaultVariant(String variant) {
            Objects.requireNonNull(variant, "variant");
            if (!variant.matches("3(\\.[a-z0-9\\-]+)?")) {
                throw new IllegalArgumentException("variant must look like '3' or '3.sdk', was '" + variant + "'");
            }
            this.defaultVariant = variant;
            return this;
        }

        public Builder timeouts(HttpTimeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        public Builder retry(RetrySettings retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Turns the rate-limit governor on with this policy ({@link GovernorPolicy#DEFAULTS} is a good start). */
        public Builder rateLimitGovernor(GovernorPolicy policy) {
            this.governor = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder rateLimitTracker(RateLimitTracker tracker) {
            this.rateLimitTracker = Objects.requireNonNull(tracker, "tracker");
            return this;
        }

        /** Called with every {@code RateLimit-Remaining} reading; may be called several times. */
        public Builder rateLimitListener(Consumer<RateLimitSnapshot> listener) {
            this.rateLimitListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Replaces {@link HerokuJson#mapper()}; apply {@link HerokuJson#customize} to keep PATCH bodies minimal. */
        public Builder jsonMapper(JsonMapper mapper) {
            this.jsonMapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        public Builder maxInMemorySize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxInMemorySize must be positive");
            }
            this.maxInMemorySize = bytes;
            return this;
        }

        public Builder clientConnector(ClientHttpConnector connector) {
            this.clientConnector = Objects.requireNonNull(connector, "connector");
            return this;
        }

        public HerokuClientOptions build() {
            return new HerokuClientOptions(this);
        }
    }
}
