package dev.heroku4j.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.Urls;
import dev.heroku4j.client.ratelimit.ThrottleFactory;
import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.retry.RetrySettings;

/**
 * Everything a Heroku client is made of, immutable, made by {@link HerokuClientBuilder} (the one builder: see its
 * setters for each setting and its default). Both {@link HerokuClient} and {@link ReactiveHerokuClient} run on one
 * engine built from one of these. {@link #toString()} never shows the API key, nor user info of the base URL.
 *
 * @param apiKeys            where the key comes from, asked at each request
 * @param baseUrl            the API origin, without a trailing slash; the key is sent there only
 * @param userAgent          the {@code User-Agent} of every request, streams and uploads included
 * @param timeouts           connect and per-attempt response timeouts of heroku4j's own connector
 * @param callTimeout        the longest a blocking call waits, retries included
 * @param retry              how failed attempts are retried
 * @param throttle           makes the client's rate-limit throttle, or null when it is off
 * @param rateLimitTracker   a tracker shared with other clients of the account, or null for the client's own
 * @param rateLimitListeners called with every {@code RateLimit-Remaining} reading
 * @param jsonMapper         the mapper of request and response bodies, or null for {@link HerokuJson#mapper()}
 * @param maxInMemorySize    the largest response body held in memory
 * @param webClientBuilder   the {@code WebClient.Builder} to start from (Spring Boot's, say), asked once, or null
 * @param connector          the connector for API calls (one built with an SSL bundle, say), or null for heroku4j's
 * @param streamConnector    the connector for log and build-output streams and uploads, or null: then
 *                           {@code connector} when given, else heroku4j's own without a response timeout
 */
public record HerokuConfig(
        Supplier<ApiKey> apiKeys,
        URI baseUrl,
        String userAgent,
        HttpTimeouts timeouts,
        Duration callTimeout,
        RetrySettings retry,
        @Nullable ThrottleFactory throttle,
        @Nullable RateLimitTracker rateLimitTracker,
        List<Consumer<RateLimitSnapshot>> rateLimitListeners,
        @Nullable JsonMapper jsonMapper,
        int maxInMemorySize,
        @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilder,
        @Nullable Supplier<? extends @Nullable ClientHttpConnector> connector,
        @Nullable Supplier<? extends @Nullable ClientHttpConnector> streamConnector) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.heroku.com");

    public HerokuConfig {
        rateLimitListeners = List.copyOf(rateLimitListeners);
    }

    /** The one builder, ending in a config. */
    public static HerokuClientBuilder<HerokuConfig> builder() {
        return new HerokuClientBuilder<>(config -> config);
    }

    /** The mapper to use: the configured one or a new {@link HerokuJson#mapper()}. */
    public JsonMapper effectiveJsonMapper() {
        return jsonMapper != null ? jsonMapper : HerokuJson.mapper();
    }

    @Override
    public String toString() {
        return "HerokuConfig[apiKey=" + apiKeys + ", baseUrl=" + Urls.withoutUserInfo(baseUrl) + ", userAgent=" + userAgent
                + ", timeouts=" + timeouts + ", callTimeout=" + callTimeout + ", retry=" + retry
                + ", throttle=" + (throttle == null ? "off" : throttle) + ", rateLimitListeners="
                + rateLimitListeners.size() + ", maxInMemorySize=" + maxInMemorySize + "]";
    }
}
