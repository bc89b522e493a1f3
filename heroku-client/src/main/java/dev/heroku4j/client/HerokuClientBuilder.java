package dev.heroku4j.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.ApiKeyResolver;
import dev.heroku4j.client.http.ClientVersion;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.Urls;
import dev.heroku4j.client.ratelimit.ThrottleFactory;
import dev.heroku4j.client.ratelimit.ThrottlePolicy;
import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.retry.RetrySettings;

/**
 * The one builder of heroku4j: {@code HerokuClient.builder()}, {@code ReactiveHerokuClient.builder()} and
 * {@code HerokuConfig.builder()} all return it, ending in what they name. Every setting has a default; bad values
 * are refused with {@link IllegalArgumentException} naming the setting.
 *
 * @param <C> what {@link #build()} makes
 */
public final class HerokuClientBuilder<C> {

    static final String HEROKU_API_HOST = "api.heroku.com";

    private final Function<HerokuConfig, C> make;
    private Supplier<ApiKey> apiKeys = ApiKeyResolver.standard();
    private URI baseUrl = HerokuConfig.DEFAULT_BASE_URL;
    private String userAgent = ClientVersion.defaultUserAgent();
    private Duration connectTimeout = HttpTimeouts.DEFAULTS.connect();
    private Duration responseTimeout = HttpTimeouts.DEFAULTS.response();
    private Duration idleTimeout = HttpTimeouts.DEFAULTS.idle();
    private Duration callTimeout = Duration.ofSeconds(120);
    private RetrySettings retry = RetrySettings.DEFAULTS;
    private @Nullable ThrottleFactory throttle = ThrottleFactory.local(ThrottlePolicy.DEFAULTS);
    private @Nullable RateLimitTracker rateLimitTracker;
    private final List<Consumer<RateLimitSnapshot>> rateLimitListeners = new ArrayList<>();
    private @Nullable JsonMapper jsonMapper;
    private int maxInMemorySize = HerokuJson.DEFAULT_MAX_IN_MEMORY_SIZE;
    private @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilder;
    private @Nullable Supplier<? extends @Nullable ClientHttpConnector> connector;
    private @Nullable Supplier<? extends @Nullable ClientHttpConnector> streamConnector;

    HerokuClientBuilder(Function<HerokuConfig, C> make) {
        this.make = make;
    }

    /** A fixed key; when null or blank, {@code HEROKU_API_KEY} and then {@code ~/.netrc} are asked at each call. */
    public HerokuClientBuilder<C> apiKey(@Nullable String key) {
        this.apiKeys = ApiKeyResolver.of(key);
        return this;
    }

    /** A key asked for at each request (rotation, a secret store), then the environment and netrc if it gives none. */
    public HerokuClientBuilder<C> apiKey(Supplier<@Nullable String> key) {
        this.apiKeys = ApiKeyResolver.builder().apiKey(Objects.requireNonNull(key, "apiKey")).build();
        return this;
    }

    /** Full control over where the key comes from, e.g. an {@link ApiKeyResolver} with another netrc machine. */
    public HerokuClientBuilder<C> apiKeyResolver(Supplier<ApiKey> resolver) {
        this.apiKeys = Objects.requireNonNull(resolver, "apiKeyResolver");
        return this;
    }

    /**
     * Defaults to {@code https://api.heroku.com}; the key is sent to this scheme, host and port only. An http or https
     * URL with a host; a path prefix is kept for another host (a gateway), refused for api.heroku.com
     * ({@link #pathProblem}).
     */
    public HerokuClientBuilder<C> baseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            // the parser's message quotes the input, user info included: not passed on, nor is the cause
            throw new IllegalArgumentException("baseUrl '" + Urls.withoutUserInfo(baseUrl) + "' is not a URL: "
                    + Urls.withoutUserInfo(e.getMessage()));
        }
        return baseUrl(uri);
    }

    public HerokuClientBuilder<C> baseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || baseUrl.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL with a host, was '"
                    + Urls.withoutUserInfo(baseUrl) + "'");
        }
        String problem = pathProblem(baseUrl);
        if (problem != null) {
            throw new IllegalArgumentException("baseUrl " + problem + ", was '" + Urls.withoutUserInfo(baseUrl) + "'");
        }
        String s = baseUrl.toString();
        this.baseUrl = s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : baseUrl;
        return this;
    }

    /** Defaults to {@code heroku4j/<version>}. */
    public HerokuClientBuilder<C> userAgent(String userAgent) {
        if (Objects.requireNonNull(userAgent, "userAgent").isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        this.userAgent = userAgent;
        return this;
    }

    /** Connect timeout of heroku4j's own connector (default 10 s). */
    public HerokuClientBuilder<C> connectTimeout(Duration timeout) {
        this.connectTimeout = positive("connectTimeout", timeout);
        return this;
    }

    /** Response timeout of one attempt, heroku4j's own connector (default 30 s). */
    public HerokuClientBuilder<C> responseTimeout(Duration timeout) {
        this.responseTimeout = positive("responseTimeout", timeout);
        return this;
    }

    /**
     * How long a kept-alive connection of heroku4j's own connector may sit idle before it is closed rather than
     * reused (default 4 s). Keep it below the server's (and any proxy's) keep-alive timeout: a request on a
     * connection the server is closing is sent but never answered.
     */
    public HerokuClientBuilder<C> idleTimeout(Duration timeout) {
        this.idleTimeout = positive("idleTimeout", timeout);
        return this;
    }

    /** The longest a blocking call waits, retries and back-off included (default 120 s). */
    public HerokuClientBuilder<C> callTimeout(Duration timeout) {
        this.callTimeout = positive("callTimeout", timeout);
        return this;
    }

    /** How 429s, connection failures and 502/503/504 on idempotent calls are retried (default 3 within 30 s). */
    public HerokuClientBuilder<C> retry(RetrySettings retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
        return this;
    }

    /**
     * Paces calls as the account's remaining quota falls (the local throttle, {@code AdaptiveThrottle}) with this
     * policy; null turns it off. On by default with {@link ThrottlePolicy#DEFAULTS}: no delay while 100 or more
     * requests remain, one free {@code GET /account/rate-limits} at the client's first call.
     */
    public HerokuClientBuilder<C> rateLimitThrottle(@Nullable ThrottlePolicy policy) {
        this.throttle = policy == null ? null : ThrottleFactory.local(policy);
        return this;
    }

    /** Paces calls with the throttle this makes (a shared one from {@code SharedThrottles}, say); null: off. */
    public HerokuClientBuilder<C> rateLimitThrottle(@Nullable ThrottleFactory factory) {
        this.throttle = factory;
        return this;
    }

    /** {@code false}: no throttle (429s are only retried); {@code true}: the default local throttle. */
    public HerokuClientBuilder<C> rateLimitThrottle(boolean on) {
        this.throttle = on ? ThrottleFactory.local(ThrottlePolicy.DEFAULTS) : null;
        return this;
    }

    /** A tracker shared by the clients of one Heroku account (default: each client its own). */
    public HerokuClientBuilder<C> rateLimitTracker(@Nullable RateLimitTracker tracker) {
        this.rateLimitTracker = tracker;
        return this;
    }

    /** Called with every {@code RateLimit-Remaining} reading; may be given several times. */
    public HerokuClientBuilder<C> rateLimitListener(Consumer<RateLimitSnapshot> listener) {
        this.rateLimitListeners.add(Objects.requireNonNull(listener, "rateLimitListener"));
        return this;
    }

    /** Replaces {@link HerokuJson#mapper()}; start from {@link HerokuJson#customize} to keep PATCH bodies minimal. */
    public HerokuClientBuilder<C> jsonMapper(@Nullable JsonMapper mapper) {
        this.jsonMapper = mapper;
        return this;
    }

    /** The largest response body held in memory (default 16 MiB). */
    public HerokuClientBuilder<C> maxInMemorySize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxInMemorySize must be positive, was " + bytes);
        }
        this.maxInMemorySize = bytes;
        return this;
    }

    /**
     * The builder to start from (e.g. Spring Boot's, so its observation and customizations apply), copied now;
     * null means {@code WebClient.builder()}.
     */
    public HerokuClientBuilder<C> webClientBuilder(WebClient.@Nullable Builder builder) {
        WebClient.Builder copy = builder == null ? null : builder.clone();
        this.webClientBuilder = copy == null ? null : () -> copy;
        return this;
    }

    /** The builder to start from, asked for once when the client is first used; a null answer means the default. */
    public HerokuClientBuilder<C> webClientBuilder(Supplier<WebClient.@Nullable Builder> builder) {
        this.webClientBuilder = Objects.requireNonNull(builder, "webClientBuilder");
        return this;
    }

    /**
     * A connector for API calls instead of heroku4j's Reactor Netty one (Spring Boot's, built with an SSL bundle,
     * say), asked for once at first use. It must not follow redirects; the timeouts above then do not apply.
     */
    public HerokuClientBuilder<C> clientConnector(@Nullable Supplier<? extends @Nullable ClientHttpConnector> connector) {
        this.connector = connector;
        return this;
    }

    /** {@link #clientConnector(Supplier)} with a connector made already. */
    public HerokuClientBuilder<C> clientConnector(@Nullable ClientHttpConnector connector) {
        return clientConnector(connector == null ? null : () -> connector);
    }

    /**
     * The connector for log and build-output streams and uploads: like the API's, but with no response timeout, since
     * a quiet log tail is not a dead one. Default: the API connector when one is given, else heroku4j's own.
     */
    public HerokuClientBuilder<C> streamConnector(@Nullable Supplier<? extends @Nullable ClientHttpConnector> connector) {
        this.streamConnector = connector;
        return this;
    }

    /** The settings as they stand. */
    public HerokuConfig config() {
        return new HerokuConfig(apiKeys, baseUrl, userAgent, new HttpTimeouts(connectTimeout, responseTimeout, idleTimeout),
                callTimeout, retry, throttle, rateLimitTracker, rateLimitListeners, jsonMapper, maxInMemorySize,
                webClientBuilder, connector, streamConnector);
    }

    /** Starts from an existing configuration: every setting as it has it. */
    public HerokuClientBuilder<C> from(HerokuConfig config) {
        this.apiKeys = config.apiKeys();
        this.baseUrl = config.baseUrl();
        this.userAgent = config.userAgent();
        this.connectTimeout = config.timeouts().connect();
        this.responseTimeout = config.timeouts().response();
        this.idleTimeout = config.timeouts().idle();
        this.callTimeout = config.callTimeout();
        this.retry = config.retry();
        this.throttle = config.throttle();
        this.rateLimitTracker = config.rateLimitTracker();
        this.rateLimitListeners.clear();
        this.rateLimitListeners.addAll(config.rateLimitListeners());
        this.jsonMapper = config.jsonMapper();
        this.maxInMemorySize = config.maxInMemorySize();
        this.webClientBuilder = config.webClientBuilder();
        this.connector = config.connector();
        this.streamConnector = config.streamConnector();
        return this;
    }

    public C build() {
        return make.apply(config());
    }

    /**
     * What is wrong with the path, query or fragment of a base URL, or null. Decided on purpose: a path prefix is kept
     * for another host (a gateway that mounts the API under a prefix), but refused for {@code api.heroku.com}, whose
     * API has no prefix: there a path (a pasted {@code https://api.heroku.com/apps}, say) would make every call a 404
     * that reads like "app not found". A query or fragment would break every request URI, so it is refused anywhere.
     */
    public static @Nullable String pathProblem(URI baseUrl) {
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            return "must have no query or fragment";
        }
        String path = baseUrl.getRawPath();
        boolean hasPath = path != null && !path.isEmpty() && !path.equals("/");
        if (hasPath && HEROKU_API_HOST.equalsIgnoreCase(baseUrl.getHost())) {
            return "must have no path on " + HEROKU_API_HOST + " (Heroku's API has no path prefix; every call would be a"
                    + " 404 that reads like \"app not found\")";
        }
        return null;
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
