package dev.heroku4j.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.heroku4j.client.api.HerokuApis;
import dev.heroku4j.client.deploy.Deploys;
import dev.heroku4j.client.internal.Blocking;
import dev.heroku4j.client.internal.BlockingStream;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.ratelimit.Throttle;
import dev.heroku4j.client.streaming.StreamOptions;

/**
 * The Heroku Platform API, blocking, for Spring MVC applications, batch jobs and command-line tools: one accessor
 * per resource ({@code heroku.app().appInfo("my-app")} returns the {@code App}; {@code heroku.app().appList()}
 * every app, paging as it is iterated). No call waits longer than the call timeout, retries included.
 * Thread-safe; make one per application (or per Heroku account) and share it. {@link #reactive()} is the
 * {@link ReactiveHerokuClient} on the same engine.
 *
 * <pre>{@code
 * HerokuClient heroku = HerokuClient.builder().apiKey(key).build();
 * App app = heroku.app().appCreate(new AppCreateOpts().name("my-app"));
 * List<App> all = heroku.app().appList().toList();
 * }</pre>
 */
public final class HerokuClient extends HerokuApis {

    private final ReactiveHerokuClient reactive;
    private final Blocking blocking;

    HerokuClient(ReactiveHerokuClient reactive) {
        this(reactive, new Blocking(reactive.config().callTimeout()));
    }

    private HerokuClient(ReactiveHerokuClient reactive, Blocking blocking) {
        super(reactive, blocking);
        this.reactive = reactive;
        this.blocking = blocking;
    }

    /** A client with every default: the key from {@code HEROKU_API_KEY} or {@code ~/.netrc}, {@code https://api.heroku.com}. */
    public static HerokuClient create() {
        return builder().build();
    }

    public static HerokuClientBuilder<HerokuClient> builder() {
        return new HerokuClientBuilder<>(HerokuClient::create);
    }

    /** A client of this configuration, on an engine of its own. */
    public static HerokuClient create(HerokuConfig config) {
        return ReactiveHerokuClient.create(config).blocking();
    }

    /** The reactive client on this one's engine. */
    public ReactiveHerokuClient reactive() {
        return reactive;
    }

    /**
     * The whole response of the calls {@code call} makes, with its result: status, headers ({@code Request-Id},
     * {@code RateLimit-Remaining}) and body. For a list, the response of the last page fetched.
     * <pre>{@code
     * HerokuResponse<App> response = heroku.withResponse(h -> h.app().appInfo("my-app"));
     * }</pre>
     */
    public <T> HerokuResponse<T> withResponse(Function<HerokuClient, T> call) {
        Objects.requireNonNull(call, "call");
        AtomicReference<HerokuResponse<?>> last = new AtomicReference<>();
        HerokuClient view = new HerokuClient(new ReactiveHerokuClient(reactive.transport().capturing(last)), blocking);
        T result = call.apply(view);
        HerokuResponse<?> response = last.get();
        if (response == null) {
            throw new IllegalStateException("withResponse: the function made no Heroku call");
        }
        return response.withBody(result);
    }

    /** This client, sending {@code Heroku-Two-Factor-Code} with every request (see {@link ReactiveHerokuClient#withTwoFactorCode}). */
    public HerokuClient withTwoFactorCode(String code) {
        return new HerokuClient(reactive.withTwoFactorCode(code), blocking);
    }

    /**
     * Lines of a stream URL Heroku hands out (a log session's {@code logplex_url}, a build's or release's
     * {@code output_stream_url}), read as they arrive, without the API key, resumed after a break without a line lost
     * or repeated ({@link ReactiveHerokuClient#lines(String)}). Close the stream to stop a tail: from any thread,
     * which also ends a read waiting on it.
     */
    public Stream<String> lines(String url) {
        return lines(url, StreamOptions.defaults());
    }

    /** {@link #lines(String)} with its own reconnect policy. */
    public Stream<String> lines(String url, StreamOptions options) {
        Blocking.checkThread();
        return BlockingStream.of(reactive.lines(url, options));
    }

    /** Every line of a stream that ends (a finished build's output), read to its end. */
    public List<String> readLines(String url) {
        List<String> lines = blocking.get(reactive.lines(url).collectList());
        return lines == null ? List.of() : lines;
    }

    /** The app's log as it is written, until the stream is closed ({@link ReactiveHerokuClient#logTail}). */
    public Stream<String> logTail(String app, LogSessionCreateOpts options) {
        Blocking.checkThread();
        return BlockingStream.of(reactive.logTail(app, options));
    }

    /** Deploys from a directory, jar or tarball, and pipeline promotions, waited for. */
    public Deploys deploys() {
        return new Deploys(reactive.deploys(), blocking);
    }

    /** Uploads a source tarball to a source's {@code put_url} (no API key is sent there). */
    public void upload(String putUrl, Path tarball) {
        blocking.run(reactive.upload(putUrl, tarball));
    }

    /** Uploads source bytes to a source's {@code put_url}. */
    public void upload(String putUrl, byte[] tarball) {
        blocking.run(reactive.upload(putUrl, tarball));
    }

    /** The latest {@code RateLimit-Remaining} Heroku reported, with listeners. */
    public RateLimitTracker rateLimitTracker() {
        return reactive.rateLimitTracker();
    }

    /** The rate-limit throttle pacing this client's calls, if one is configured. */
    public Optional<Throttle> rateLimitThrottle() {
        return reactive.rateLimitThrottle();
    }

    public HerokuConfig config() {
        return reactive.config();
    }

    /** See {@link ReactiveHerokuClient#prepare()}. */
    public HerokuClient prepare() {
        reactive.prepare();
        return this;
    }

    @Override
    public String toString() {
        return "HerokuClient{" + reactive.config() + "}";
    }
}
