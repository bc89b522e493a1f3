package dev.heroku4j.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.heroku4j.client.api.ReactiveHerokuApis;
import dev.heroku4j.client.deploy.ReactiveDeploys;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.internal.HerokuTransport;
import dev.heroku4j.client.model.LogSession;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.ratelimit.Throttle;
import dev.heroku4j.client.streaming.LogTail;
import dev.heroku4j.client.streaming.StreamOptions;

/**
 * The Heroku Platform API, reactive, for WebFlux applications and other non-blocking code: one accessor per
 * resource ({@code heroku.app().appInfo("my-app")} is a {@code Mono<App>}; {@code heroku.app().appList()} a
 * {@code Flux<App>} of every app, paging as it is consumed). Nothing is sent until subscribed. Thread-safe; make one
 * per application (or per Heroku account) and share it. {@link #blocking()} is the {@link HerokuClient} on the same
 * engine.
 *
 * <pre>{@code
 * ReactiveHerokuClient heroku = ReactiveHerokuClient.builder().apiKey(key).build();
 * Mono<App> app = heroku.app().appCreate(new AppCreateOpts().name("my-app"));
 * Flux<App> all = heroku.app().appList(Range.by("name").withMax(1000));
 * }</pre>
 */
public final class ReactiveHerokuClient extends ReactiveHerokuApis {

    private final HerokuTransport transport;
    private volatile HerokuClient blocking;

    ReactiveHerokuClient(HerokuTransport transport) {
        super(transport);
        this.transport = transport;
    }

    /** A client with every default: the key from {@code HEROKU_API_KEY} or {@code ~/.netrc}, {@code https://api.heroku.com}. */
    public static ReactiveHerokuClient create() {
        return builder().build();
    }

    public static HerokuClientBuilder<ReactiveHerokuClient> builder() {
        return new HerokuClientBuilder<>(ReactiveHerokuClient::create);
    }

    /** A client of this configuration, on an engine of its own. */
    public static ReactiveHerokuClient create(HerokuConfig config) {
        return new ReactiveHerokuClient(new HerokuTransport(config));
    }

    /** The blocking client on this one's engine: same connections, quota tracking and settings. */
    public HerokuClient blocking() {
        HerokuClient client = blocking;
        if (client == null) {
            client = new HerokuClient(this);
            blocking = client;
        }
        return client;
    }

    /**
     * The whole response of the calls {@code call} makes, with their result: status, headers ({@code Request-Id},
     * {@code RateLimit-Remaining}), and the body. For a list, the response of the last page fetched.
     * <pre>{@code
     * heroku.withResponse(h -> h.app().appInfo("my-app")).map(HerokuResponse::requestId)
     * }</pre>
     */
    public <T> Mono<HerokuResponse<T>> withResponse(Function<ReactiveHerokuClient, ? extends Publisher<T>> call) {
        Objects.requireNonNull(call, "call");
        return Mono.defer(() -> {
            AtomicReference<HerokuResponse<?>> last = new AtomicReference<>();
            ReactiveHerokuClient view = new ReactiveHerokuClient(transport.capturing(last));
            return Flux.from(call.apply(view)).collectList().map(items -> {
                HerokuResponse<?> response = last.get();
                if (response == null) {
                    throw new IllegalStateException("withResponse: the function made no Heroku call");
                }
                T body = items.isEmpty() ? null : items.size() == 1 ? items.get(0) : null;
                return response.withBody(body);
            });
        });
    }

    /**
     * This client, sending {@code Heroku-Two-Factor-Code} with every request: for the few actions Heroku guards
     * with a second factor. Cheap; use it for the one call that needs it.
     */
    public ReactiveHerokuClient withTwoFactorCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("two-factor code must not be blank");
        }
        return new ReactiveHerokuClient(transport.withTwoFactorCode(code.strip()));
    }

    /**
     * This client, sending each request once, without retries: for a probe such as a health check, which should
     * report a refused connection at once rather than wait out the backoff. Cheap.
     */
    public ReactiveHerokuClient withoutRetries() {
        return new ReactiveHerokuClient(transport.withoutRetries());
    }

    /**
     * Lines of a stream URL Heroku hands out (a log session's {@code logplex_url}, a build's or release's
     * {@code output_stream_url}), with verified TLS and without the API key; after a break the stream reconnects
     * and resumes where it broke ({@code Range} / {@code Last-Event-Id}), so no line is lost or repeated
     * ({@link StreamOptions#defaults()}: up to 5 reconnects in a row without a new line). Cancel to stop a tail.
     */
    public Flux<String> lines(String url) {
        return lines(url, StreamOptions.defaults());
    }

    /** {@link #lines(String)} with its own reconnect policy ({@link StreamOptions#noReconnect()}: one connection). */
    public Flux<String> lines(String url, StreamOptions options) {
        Objects.requireNonNull(url, "url");
        return transport.lines(url, options);
    }

    /**
     * The app's log as it is written, for as long as it is subscribed: a tail log session ({@code options} with
     * {@code tail} set), re-created when Heroku ends or expires it, without a line lost or repeated across sessions
     * ({@link LogTail}).
     */
    public Flux<String> logTail(String app, LogSessionCreateOpts options) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(options, "options");
        return LogTail.follow(history -> {
            LogSessionCreateOpts request = TailCopy.MAPPER.convertValue(options, LogSessionCreateOpts.class).tail(true);
            if (history >= 0) {
                request.lines(history);
            }
            return logSession().logSessionCreate(app, request).map(LogSession::getLogplexUrl);
        }, url -> lines(url), StreamOptions.defaults());
    }

    /** Copies the caller's options, which stay untouched; made on the first tail, not when the client class loads. */
    private static final class TailCopy {

        static final JsonMapper MAPPER = HerokuJson.mapper();
    }

    /** Deploys from a directory, jar or tarball, and pipeline promotions, waited for. */
    public ReactiveDeploys deploys() {
        return new ReactiveDeploys(this);
    }

    /** Uploads a source tarball to a source's {@code put_url} (no API key is sent there). */
    public Mono<Void> upload(String putUrl, Path tarball) {
        return transport.upload(URI.create(putUrl), tarball);
    }

    /** Uploads source bytes to a source's {@code put_url}. */
    public Mono<Void> upload(String putUrl, byte[] tarball) {
        return transport.upload(URI.create(putUrl), tarball);
    }

    /** Uploads source bytes to a source's {@code put_url}, telling {@code progress} the bytes sent so far. */
    public Mono<Void> upload(String putUrl, byte[] tarball, LongConsumer progress) {
        return transport.upload(URI.create(putUrl), tarball, progress);
    }

    /** The latest {@code RateLimit-Remaining} Heroku reported, with listeners. */
    public RateLimitTracker rateLimitTracker() {
        return transport.rateLimitTracker();
    }

    /** The rate-limit throttle pacing this client's calls, if one is configured. */
    public Optional<Throttle> rateLimitThrottle() {
        return Optional.ofNullable(transport.throttle());
    }

    public HerokuConfig config() {
        return transport.config();
    }

    /**
     * Builds the engine's WebClient now instead of at the first call (once; later calls return at once).
     *
     * @throws IllegalStateException when it cannot be built (a supplied connector fails, say); the next call tries again
     */
    public ReactiveHerokuClient prepare() {
        transport.prepare();
        return this;
    }

    HerokuTransport transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "ReactiveHerokuClient{" + transport.config() + "}";
    }
}
