package dev.heroku4j.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.api.HerokuApis;
import dev.heroku4j.client.http.HerokuHeaders;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.invoker.ApiClient;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.BuildCreateOpts;
import dev.heroku4j.client.model.BuildSourceBlob;
import dev.heroku4j.client.paging.Page;
import dev.heroku4j.client.paging.Paging;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.ratelimit.GovernorPolicy;
import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.streaming.LineStreams;
import dev.heroku4j.client.streaming.Polling;
import dev.heroku4j.client.streaming.SourceUploader;
import dev.heroku4j.client.webclient.HerokuApiClient;
import dev.heroku4j.client.webclient.HerokuClientOptions;
import dev.heroku4j.client.webclient.HerokuWebClientConfigurer;

/**
 * The Heroku Platform API: one accessor per resource (inherited from the generated {@link HerokuApis}, e.g.
 * {@code heroku.app().appInfo("my-app")}), plus paging, streaming and the rate-limit tracker. Thread-safe; create
 * one per application (or per Heroku account) and share it.
 *
 * <p>Building one is cheap: the {@code WebClient} and the generated invoker, whose first construction loads the
 * classes of WebClient, Reactor Netty and Jackson (about half a second), are made at the first call, or earlier by
 * {@link #prepare()}. The auto-configured client prepares itself on a background thread, so the application's
 * start-up does not wait for it.
 *
 * <pre>{@code
 * HerokuClient heroku = HerokuClient.builder().apiKey(key).build();
 * App app = heroku.app().appCreate(new AppCreateOpts().name("my-app")).block();
 * Flux<App> all = heroku.list(heroku.app()::appListWithHttpInfo, Range.by("name").withMax(100));
 * }</pre>
 */
public final class HerokuClient extends HerokuApis {

    private final HerokuWebClientConfigurer configurer;
    private final SingletonSupplier<Engine> engine;
    private volatile @Nullable LineStreams lineStreams;
    private volatile @Nullable SourceUploader uploader;

    /** What does the calls, made once, on first use. */
    private record Engine(WebClient webClient, ApiClient apiClient) {
    }

    private HerokuClient(HerokuWebClientConfigurer configurer, Supplier<WebClient> webClient) {
        this(configurer, SingletonSupplier.of(() -> {
            WebClient built;
            try {
                built = webClient.get();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Could not build the WebClient of the Heroku client for "
                        + configurer.options().baseUrl() + ": " + e.getMessage(), e);
            }
            return new Engine(built, new HerokuApiClient(built, configurer.options().baseUrl()));
        }));
    }

    private HerokuClient(HerokuWebClientConfigurer configurer, SingletonSupplier<Engine> engine) {
        super(() -> engine.obtain().apiClient());
        this.configurer = configurer;
        this.engine = engine;
    }

    /** A client with every default: the key from {@code HEROKU_API_KEY} or {@code ~/.netrc}, {@code https://api.heroku.com}. */
    public static HerokuClient create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same client, sending {@code Heroku-Two-Factor-Code} with every request: for the few actions Heroku guards
     * with a second factor. Cheap; use it for the one call that needs it.
     */
    public HerokuClient withTwoFactorCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("two-factor code must not be blank");
        }
        String stripped = code.strip();
        return new HerokuClient(configurer,
                () -> webClient().mutate().defaultHeader(HerokuHeaders.TWO_FACTOR_CODE, stripped).build());
    }

    /**
     * Every item of a list operation, as a lazy {@link Flux} that follows {@code Next-Range} across pages and
     * requests the next page only when the subscriber wants more, e.g.
     * {@code heroku.list(heroku.app()::appListWithHttpInfo, Range.by("name"))} or, with path parameters,
     * {@code heroku.list(range -> heroku.dyno().dynoListWithHttpInfo("my-app", range), Range.by("id"))}.
     */
    public <T> Flux<T> list(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> operation, Range range) {
        return Paging.all(operation, range);
    }

    /** {@link #list(Function, Range)} in Heroku's default order (by id, 200 a page). */
    public <T> Flux<T> list(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> operation) {
        return Paging.all(operation, (String) null);
    }

    /** One page of a list operation and the {@code Next-Range} that asks for the next one. */
    public <T> Mono<Page<T>> page(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> operation, Range range) {
        return Paging.page(operation, range);
    }

    /** One page, continuing from a {@link Page#nextRange()} exactly as Heroku gave it. */
    public <T> Mono<Page<T>> page(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> operation, String nextRange) {
        return Paging.page(operation, nextRange);
    }

    /**
     * Lines of a streaming URL Heroku hands out (a log session's {@code logplex_url}, a build's
     * {@code output_stream_url}), fetched with verified TLS and without the API key.
     */
    public Flux<String> lines(String url) {
        return lineStreams().lines(url);
    }

    // Made on first use: most applications never stream or upload, and each builds its own WebClient.
    private LineStreams lineStreams() {
        LineStreams streams = lineStreams;
        if (streams == null) {
            streams = new LineStreams(configurer.options().timeouts());
            lineStreams = streams;
        }
        return streams;
    }

    private SourceUploader uploader() {
        SourceUploader up = uploader;
        if (up == null) {
            up = new SourceUploader(configurer.options().timeouts());
            uploader = up;
        }
        return up;
    }

    /** Uploads a source tarball to a source's {@code put_url} (no API key is sent there). */
    public Mono<Void> upload(String putUrl, Path tarball) {
        return uploader().put(URI.create(putUrl), tarball);
    }

    /** Uploads source bytes to a source's {@code put_url}. */
    public Mono<Void> upload(String putUrl, byte[] tarball) {
        return uploader().put(putUrl, tarball);
    }

    /**
     * Deploys a source tarball: creates a source, uploads the tarball to its {@code put_url} (without the API key),
     * and starts a build of it. Follow the build with {@link #awaitBuild} and {@link #lines} on its output stream.
     */
    public Mono<Build> buildFromTarball(String app, Path tarball, @Nullable String version) {
        return source().sourceCreate().flatMap(source -> upload(source.getSourceBlob().getPutUrl(), tarball)
                .then(Mono.defer(() -> build().buildCreate(app, new BuildCreateOpts()
                        .sourceBlob(new BuildSourceBlob().url(source.getSourceBlob().getGetUrl()).version(version))))));
    }

    /**
     * Polls a build every {@code interval} until it is no longer pending; gives up with
     * {@link dev.heroku4j.client.streaming.WaitTimeoutException} after {@code timeout}.
     */
    public Mono<Build> awaitBuild(String app, String buildId, Duration interval, Duration timeout) {
        return Polling.waitFor(() -> build().buildInfo(app, buildId),
                b -> b.getStatus() != Build.StatusEnum.PENDING, interval, timeout);
    }

    /** The latest {@code RateLimit-Remaining} Heroku reported, with listeners. */
    public RateLimitTracker rateLimitTracker() {
        return configurer.rateLimitTracker();
    }

    public HerokuClientOptions options() {
        return configurer.options();
    }

    /** The configured WebClient, for calls the generated API does not cover. */
    public WebClient webClient() {
        return engine.obtain().webClient();
    }

    /** The generated invoker, for code that builds its own generated API objects. */
    public ApiClient apiClient() {
        return engine.obtain().apiClient();
    }

    /**
     * Builds the WebClient and the invoker now instead of at the first call (once; later calls return at once).
     *
     * @return this client
     * @throws IllegalStateException when the WebClient cannot be built (e.g. a supplied connector fails); the next
     *         call tries again
     */
    public HerokuClient prepare() {
        engine.obtain();
        return this;
    }

    @Override
    public String toString() {
        return "HerokuClient{" + configurer.options() + "}";
    }

    /** Builds a {@link HerokuClient}; every setting has a default. */
    public static final class Builder {

        private final HerokuClientOptions.Builder options = HerokuClientOptions.builder();
        private WebClient.@Nullable Builder webClientBuilder;
        private @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilderSource;
        private @Nullable Supplier<? extends @Nullable ClientHttpConnector> connectorSource;
        private Duration connectTimeout = HttpTimeouts.DEFAULTS.connect();
        private Duration responseTimeout = HttpTimeouts.DEFAULTS.response();

        private Builder() {
        }

        /** The API key; without one, {@code HEROKU_API_KEY} and then {@code ~/.netrc} are asked at the first call. */
        public Builder apiKey(@Nullable String apiKey) {
            options.apiKey(apiKey);
            return this;
        }

        /** A key asked for at each request (rotation, a secret store). */
        public Builder apiKey(Supplier<@Nullable String> apiKey) {
            options.apiKey(apiKey);
            return this;
        }

        /** Defaults to {@code https://api.heroku.com}; the key is sent to this origin only. */
        public Builder baseUrl(String baseUrl) {
            options.baseUrl(baseUrl);
            return this;
        }

        /** Defaults to {@code heroku4j/<version>}. */
        public Builder userAgent(String userAgent) {
            options.userAgent(userAgent);
            return this;
        }

        /** The {@code Accept} variant for operations in both variants: {@code 3} (the default) or {@code 3.sdk}. */
        public Builder defaultVariant(String variant) {
            options.defaultVariant(variant);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How 429s, connection failures and 502/503/504 on idempotent calls are retried. */
        public Builder retry(RetrySettings retry) {
            options.retry(retry);
            return this;
        }

        /** Slows calls down as the remaining quota falls below the policy's threshold. Off by default. */
        public Builder rateLimitGovernor(GovernorPolicy policy) {
            options.rateLimitGovernor(policy);
            return this;
        }

        /** Called with every {@code RateLimit-Remaining} reading. */
        public Builder rateLimitListener(Consumer<RateLimitSnapshot> listener) {
            options.rateLimitListener(listener);
            return this;
        }

        /**
         * The builder to start from, e.g. Spring Boot's, so its codecs, observation and customizations apply; null
         * means {@code WebClient.builder()}.
         */
        public Builder webClientBuilder(WebClient.@Nullable Builder builder) {
            this.webClientBuilder = builder;
            this.webClientBuilderSource = null;
            return this;
        }

        /**
         * The builder to start from, asked for when the client is prepared rather than now (e.g. Spring Boot's, whose
         * creation builds a connector); a null answer means {@code WebClient.builder()}.
         */
        public Builder webClientBuilder(Supplier<WebClient.@Nullable Builder> builder) {
            this.webClientBuilderSource = Objects.requireNonNull(builder, "builder");
            this.webClientBuilder = null;
            return this;
        }

        /**
         * A connector to use instead of heroku4j's own (Spring Boot's, built with an SSL bundle, say); it must not
         * follow redirects. The connect and response timeouts above then do not apply: configure them on it.
         */
        public Builder clientConnector(ClientHttpConnector connector) {
            options.clientConnector(connector);
            this.connectorSource = null;
            return this;
        }

        /**
         * {@link #clientConnector(ClientHttpConnector)}, made when the client is prepared rather than now (a
         * connector's construction loads Reactor Netty). It takes precedence over a connector given as such; a null
         * answer means that one, or else heroku4j's own.
         */
        public Builder clientConnector(Supplier<? extends @Nullable ClientHttpConnector> connector) {
            this.connectorSource = Objects.requireNonNull(connector, "connector");
            return this;
        }

        /** Any other option of {@link HerokuClientOptions}. */
        public Builder options(Consumer<HerokuClientOptions.Builder> customizer) {
            customizer.accept(options);
            return this;
        }

        public HerokuClient build() {
            options.timeouts(new HttpTimeouts(connectTimeout, responseTimeout));
            HerokuWebClientConfigurer configurer = new HerokuWebClientConfigurer(options.build());
            // A builder given as such is copied now, so later changes to it do not reach this client.
            WebClient.Builder copy = webClientBuilder != null ? webClientBuilder.clone() : null;
            Supplier<WebClient.@Nullable Builder> source = copy != null ? () -> copy : webClientBuilderSource;
            Supplier<? extends @Nullable ClientHttpConnector> connector = connectorSource;
            return new HerokuClient(configurer, () -> {
                WebClient.Builder given = source != null ? source.get() : null;
                // cloned again, so that a build that failed half-way leaves nothing behind for the next attempt
                WebClient.Builder start = given == null ? WebClient.builder() : given.clone();
                return configurer.configure(start, connector != null ? connector.get() : null).build();
            });
        }
    }
}
