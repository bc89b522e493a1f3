package dev.heroku4j.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.heroku4j.client.http.Urls;

/**
 * Configuration properties of the heroku4j client ({@code heroku.*}). {@link #toString()} never shows the API key, nor user info of the base URL.
 */
@ConfigurationProperties("heroku")
public class HerokuProperties {

    /**
     * Whether to auto-configure the Heroku client, its health indicator and metrics.
     */
    private boolean enabled = true;

    /**
     * Whether to warm the client up on a background thread once the context is refreshed (a dry run in memory that
     * sends nothing), so that the first call finds its classes loaded.
     */
    private boolean preinitialize = true;

    /**
     * Heroku API key or OAuth token. When not set (or an unresolved ${...} placeholder), the HEROKU_API_KEY
     * environment variable, then the Heroku CLI's credential store and then the 'machine api.heroku.com' entry of
     * ~/.netrc (both written by 'heroku login') are used.
     */
    private @Nullable String apiKey;

    /**
     * Base URL of the Heroku Platform API: http or https, no path on api.heroku.com (its API has none; a path prefix
     * is kept for another host, a gateway). The API key is sent to this origin only.
     */
    private String baseUrl = "https://api.heroku.com";

    /**
     * User-Agent header sent with every request. Defaults to 'heroku4j/<version>'.
     */
    private @Nullable String userAgent;

    /**
     * Longest a blocking call waits for its answer, retries and back-off included.
     */
    private Duration callTimeout = Duration.ofSeconds(120);

    /**
     * Timeout for establishing a connection to the API.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Timeout for the response of one request attempt.
     */
    private Duration responseTimeout = Duration.ofSeconds(30);

    /**
     * Name of an SSL bundle (spring.ssl.bundle.*) to trust or present when connecting to the API, e.g. for a proxy
     * with its own certificate authority.
     */
    private @Nullable String sslBundle;

    private final Retry retry = new Retry();

    private final RateLimit rateLimit = new RateLimit();

    private final Health health = new Health();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPreinitialize() {
        return this.preinitialize;
    }

    public void setPreinitialize(boolean preinitialize) {
        this.preinitialize = preinitialize;
    }

    public @Nullable String getApiKey() {
        return this.apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getUserAgent() {
        return this.userAgent;
    }

    public void setUserAgent(@Nullable String userAgent) {
        this.userAgent = userAgent;
    }

    public Duration getCallTimeout() {
        return this.callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Duration getConnectTimeout() {
        return this.connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return this.responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public @Nullable String getSslBundle() {
        return this.sslBundle;
    }

    public void setSslBundle(@Nullable String sslBundle) {
        this.sslBundle = sslBundle;
    }

    public Retry getRetry() {
        return this.retry;
    }

    public RateLimit getRateLimit() {
        return this.rateLimit;
    }

    public Health getHealth() {
        return this.health;
    }

    @Override
    public String toString() {
        return "HerokuProperties[enabled=" + this.enabled + ", apiKey=" + (this.apiKey == null ? "not set" : "******")
                + ", baseUrl=" + Urls.withoutUserInfo(this.baseUrl) + ", userAgent=" + this.userAgent + ", callTimeout="
                + this.callTimeout + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
                + this.responseTimeout + ", retry=" + this.retry + ", rateLimit=" + this.rateLimit + ", health="
                + this.health + "]";
    }

    /**
     * Retry of rate-limited (429) requests, and of idempotent requests that failed to connect or got 502/503/504.
     */
    public static class Retry {

        /**
         * Retries after the first attempt; 0 turns retrying off.
         */
        private int maxRetries = 3;

        /**
         * No retry is started later than this after the first attempt.
         */
        private Duration maxTotalWait = Duration.ofSeconds(30);

        public int getMaxRetries() {
            return this.maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getMaxTotalWait() {
            return this.maxTotalWait;
        }

        public void setMaxTotalWait(Duration maxTotalWait) {
            this.maxTotalWait = maxTotalWait;
        }

        @Override
        public String toString() {
            return "[maxRetries=" + this.maxRetries + ", maxTotalWait=" + this.maxTotalWait + "]";
        }

    }

    /**
     * Client-side handling of Heroku's request quota.
     */
    public static class RateLimit {

        /**
         * Whether to pace requests as the account's remaining quota falls below the threshold (the local throttle).
         * On by default: no delay at or above the threshold; false leaves 429s to the retries alone.
         */
        private boolean throttle = true;

        /**
         * Remaining quota below which calls are paced; at or above it there is no delay.
         */
        private int threshold = 100;

        /**
         * Least time between two calls of the client at an empty quota; it falls linearly to zero at the threshold.
         * At most 10 minutes.
         */
        private Duration maxInterval = Duration.ofSeconds(10);

        /**
         * Whether to read the quota with the free GET /account/rate-limits at the client's first call (once; a failed
         * probe is ignored).
         */
        private boolean probe = true;

        /**
         * One quota for every instance of the application: a Bucket4j bucket in Redis or PostgreSQL.
         */
        private final Shared shared = new Shared();

        public boolean isThrottle() {
            return this.throttle;
        }

        public void setThrottle(boolean throttle) {
            this.throttle = throttle;
        }

        public int getThreshold() {
            return this.threshold;
        }

        public void setThreshold(int threshold) {
            this.threshold = threshold;
        }

        public Duration getMaxInterval() {
            return this.maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        public boolean isProbe() {
            return this.probe;
        }

        public void setProbe(boolean probe) {
            this.probe = probe;
        }

        public Shared getShared() {
            return this.shared;
        }

        @Override
        public String toString() {
            return "[throttle=" + this.throttle + ", threshold=" + this.threshold + ", maxInterval=" + this.maxInterval
                    + ", probe=" + this.probe + ", shared=" + this.shared + "]";
        }

    }

    /**
     * The shared throttle: every instance takes a token from one bucket per account (keyed by a hash of the key).
     */
    public static class Shared {

        /**
         * Whether to pace every instance of the account with one shared bucket (needs Bucket4j and a Redis
         * connection factory or a DataSource); the local throttle stands in while the store is unreachable.
         */
        private boolean enabled = false;

        /**
         * Where the bucket lives: auto (the application's Redis connection factory, else its DataSource), redis or
         * postgresql.
         */
        private Store store = Store.AUTO;

        /**
         * Prefix of the Redis key; the rest is a hash of the API key.
         */
        private String keyPrefix = "heroku4j:rate-limit:";

        /**
         * PostgreSQL table of the buckets, created if missing.
         */
        private String table = "heroku4j_rate_limit";

        /**
         * Tokens of Heroku's quota the shared bucket leaves unused.
         */
        private int margin = 10;

        /**
         * Longest a call waits for the store before it is paced locally.
         */
        private Duration storeTimeout = Duration.ofMillis(500);

        /**
         * How long the local throttle stands in after a store failure before the store is asked again.
         */
        private Duration retryStoreAfter = Duration.ofSeconds(5);

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Store getStore() {
            return this.store;
        }

        public void setStore(Store store) {
            this.store = store;
        }

        public String getKeyPrefix() {
            return this.keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public String getTable() {
            return this.table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public int getMargin() {
            return this.margin;
        }

        public void setMargin(int margin) {
            this.margin = margin;
        }

        public Duration getStoreTimeout() {
            return this.storeTimeout;
        }

        public void setStoreTimeout(Duration storeTimeout) {
            this.storeTimeout = storeTimeout;
        }

        public Duration getRetryStoreAfter() {
            return this.retryStoreAfter;
        }

        public void setRetryStoreAfter(Duration retryStoreAfter) {
            this.retryStoreAfter = retryStoreAfter;
        }

        @Override
        public String toString() {
            return "[enabled=" + this.enabled + ", store=" + this.store + ", margin=" + this.margin + "]";
        }

        /**
         * Where the shared bucket lives.
         */
        public enum Store {

            /** The application's Redis connection factory when there is one, else its DataSource. */
            AUTO,

            /** Redis, through the application's Lettuce connection factory. */
            REDIS,

            /** PostgreSQL, through the application's DataSource. */
            POSTGRESQL

        }

    }

    /**
     * The Heroku health indicator.
     */
    public static class Health {

        /**
         * Time limit of the health check's request; when it is exceeded the indicator reports DOWN.
         */
        private Duration timeout = Duration.ofSeconds(2);

        public Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        @Override
        public String toString() {
            return "[timeout=" + this.timeout + "]";
        }

    }

}
