package dev.heroku4j.client.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.HerokuConfig;
import dev.heroku4j.client.HerokuResponse;
import dev.heroku4j.client.error.HerokuDecodingException;
import dev.heroku4j.client.error.HerokuException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.http.HerokuHeaders;
import dev.heroku4j.client.http.RequestInfo;
import dev.heroku4j.client.paging.PagedFlux;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.ratelimit.Throttle;
import dev.heroku4j.client.retry.RetryFilter;
import dev.heroku4j.client.streaming.ResumableLines;
import dev.heroku4j.client.streaming.StreamOptions;
import dev.heroku4j.client.streaming.SourceUploader;
import dev.heroku4j.client.waiter.PollBudget;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.client.waiter.WaitSpec;
import dev.heroku4j.client.waiter.Waiter;

/**
 * The one engine: every exchange of both clients goes through here (API calls, log and build-output streams,
 * uploads), on {@code WebClient}s made once, at first use, from one {@link HerokuConfig} ({@link WebClients}).
 *
 * <p>A view ({@link #withHeader}, {@link #capturing}) shares the WebClients and the rate-limit tracker and differs
 * only in what it adds to each call.
 */
public final class HerokuTransport {

    private final HerokuConfig config;
    private final String baseUrl;
    private final RateLimitTracker tracker;
    private final @Nullable Throttle throttle;
    private final SingletonSupplier<WebClient> api;
    private final SingletonSupplier<WebClient> streams;
    private final SingletonSupplier<ResumableLines> lines;
    private final SingletonSupplier<SourceUploader> uploader;
    private final Waiter waiter;
    private final @Nullable String twoFactorCode;
    private final @Nullable AtomicReference<HerokuResponse<?>> capture;
    private final boolean once;

    public HerokuTransport(HerokuConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.baseUrl = config.baseUrl().toString();
        RateLimitTracker shared = config.rateLimitTracker();
        this.tracker = shared != null ? shared : new RateLimitTracker();
        config.rateLimitListeners().forEach(tracker::onSnapshot);
        this.throttle = config.throttle() == null ? null : config.throttle().create(tracker, config.apiKeys());
        this.api = SingletonSupplier.of(() -> built("API", () -> WebClients.api(config, tracker, throttle)));
        this.streams = SingletonSupplier.of(() -> built("stream", () -> WebClients.streams(config)));
        this.lines = SingletonSupplier.of(() -> new ResumableLines(streams.obtain()));
        this.uploader = SingletonSupplier.of(() -> new SourceUploader(streams.obtain()));
        this.waiter = new Waiter(new PollBudget(tracker));
        this.twoFactorCode = null;
        this.capture = null;
        this.once = false;
    }

    private HerokuTransport(HerokuTransport from, @Nullable String twoFactorCode,
                            @Nullable AtomicReference<HerokuResponse<?>> capture, boolean once) {
        this.config = from.config;
        this.baseUrl = from.baseUrl;
        this.tracker = from.tracker;
        this.throttle = from.throttle;
        this.api = from.api;
        this.streams = from.streams;
        this.lines = from.lines;
        this.uploader = from.uploader;
        this.waiter = from.waiter;
        this.twoFactorCode = twoFactorCode;
        this.capture = capture;
        this.once = once;
    }

    private WebClient built(String which, java.util.function.Supplier<WebClient> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not build the " + which + " WebClient of the Heroku client for "
                    + dev.heroku4j.client.http.Urls.withoutUserInfo(config.baseUrl()) + ": " + e.getMessage(), e);
        }
    }

    /** This engine, sending {@code Heroku-Two-Factor-Code} with every API request. */
    public HerokuTransport withTwoFactorCode(String code) {
        return new HerokuTransport(this, code, capture, once);
    }

    /** This engine, recording each API response (status, headers) into {@code capture}. */
    public HerokuTransport capturing(AtomicReference<HerokuResponse<?>> capture) {
        return new HerokuTransport(this, twoFactorCode, capture, once);
    }

    /** This engine, sending each API request once: no retries, whatever the retry settings. */
    public HerokuTransport withoutRetries() {
        return new HerokuTransport(this, twoFactorCode, capture, true);
    }

    public HerokuConfig config() {
        return config;
    }

    public RateLimitTracker rateLimitTracker() {
        return tracker;
    }

    /** The client's rate-limit throttle, or null when it has none. */
    public @Nullable Throttle throttle() {
        return throttle;
    }

    /** Builds the WebClients now rather than at the first call; a failure is thrown and tried again next time. */
    public void prepare() {
        api.obtain();
    }

    /** One call; its body, or empty when Heroku answered with none. */
    public <T> Mono<T> call(Operation<T> operation, String[] path, @Nullable Map<String, String> query,
                            @Nullable Object body) {
        return exchange(operation, path, query, body, null).mapNotNull(ResponseEntity::getBody);
    }

    /** A list call: every item, paging lazily from {@code range}. */
    public <T> PagedFlux<T> list(Operation<List<T>> operation, String[] path, @Nullable Map<String, String> query,
                                 @Nullable Object body, @Nullable Range range) {
        return new PagedFlux<>(next -> exchange(operation, path, query, body, next),
                range == null ? null : range.toHeaderValue());
    }

    /** The exchange every generated method makes: checked, sent through the filters, failures as HerokuExceptions. */
    public <T> Mono<ResponseEntity<T>> exchange(Operation<T> operation, String[] path,
                                                @Nullable Map<String, String> query, @Nullable Object body,
                                                @Nullable String range) {
        String uri = operation.uri(baseUrl, path, query);
        Mono<ResponseEntity<T>> exchange = Mono.defer(() -> {
            WebClient.RequestBodySpec request = api.obtain().method(operation.method()).uri(URI.create(uri))
                    .attribute(RequestInfo.URI_TEMPLATE_ATTRIBUTE, operation.pathTemplate())
                    .header(HttpHeaders.ACCEPT, operation.accept());
            if (once) {
                request.attribute(RetryFilter.NO_RETRY_ATTRIBUTE, Boolean.TRUE);
            }
            if (range != null) {
                request.header(HerokuHeaders.RANGE, range);
            }
            if (twoFactorCode != null) {
                request.header(HerokuHeaders.TWO_FACTOR_CODE, twoFactorCode);
            }
            WebClient.RequestHeadersSpec<?> ready = body == null ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            WebClient.ResponseSpec response = ready.retrieve();
            Mono<ResponseEntity<T>> entity = operation.responseType() == null
                    ? response.toBodilessEntity().map(HerokuTransport::<T>bodiless)
                    : response.toEntity(operation.responseType());
            return entity;
        }).onErrorMap(operation.translation());
        // an operator per call only for the view that captures (withResponse)
        return capture == null ? exchange : exchange.doOnNext(this::record);
    }

    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> bodiless(ResponseEntity<Void> entity) {
        return (ResponseEntity<T>) (ResponseEntity<?>) entity;
    }

    private void record(ResponseEntity<?> entity) {
        if (capture != null) {
            capture.set(new HerokuResponse<>(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody()));
        }
    }

    /** Every failure a caller can see is a HerokuException, or the IllegalArgumentException of a bad argument. */
    static Throwable translate(Operation<?> operation, Throwable e) {
        if (e instanceof HerokuException || e instanceof IllegalArgumentException) {
            return e;
        }
        if (e instanceof CodecException) {
            return new HerokuDecodingException(operation.method().name(), operation.pathTemplate(), e);
        }
        // The per-attempt filter has turned every non-2xx answer into a HerokuApiException, so Spring's response exception
        // here means a 2xx body failed: cut off (I/O, timeout) is a transport failure, anything else a decoding one.
        if (e instanceof WebClientResponseException && !brokenOff(e)) {
            return new HerokuDecodingException(operation.method().name(), operation.pathTemplate(), e);
        }
        if (e instanceof WebClientException || e instanceof TimeoutException) {
            return new HerokuTransportException(operation.method().name(), operation.pathTemplate(), e);
        }
        return e;
    }

    private static boolean brokenOff(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof java.io.IOException || cause instanceof TimeoutException
                    || cause.getClass().getName().startsWith("io.netty.handler.timeout.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Polls {@code probe} until the resource is in a terminal state of {@code spec} or the deadline passes, keeping to
     * the share of the rate limit that every waiter of this engine shares ({@link PollBudget}).
     */
    public <T> Mono<WaitOutcome<T>> await(WaitSpec spec, java.util.function.Supplier<Mono<T>> probe, WaitOptions options) {
        return waiter.await(spec, probe, options);
    }

    /** The budget every waiter of this engine polls within. */
    public PollBudget pollBudget() {
        return waiter.budget();
    }

    /**
     * Lines of a stream URL Heroku hands out ({@code logplex_url}, {@code output_stream_url}), without the key,
     * resumed after a break as {@code options} allow.
     */
    public Flux<String> lines(String url, StreamOptions options) {
        URI uri = URI.create(url);
        return Flux.defer(() -> lines.obtain().lines(uri, options));
    }

    /** Uploads a file to a source's {@code put_url}, without the key. */
    public Mono<Void> upload(URI putUrl, Path file) {
        return Mono.defer(() -> uploader.obtain().put(putUrl, file));
    }

    /** Uploads bytes to a source's {@code put_url}, without the key, telling {@code progress} the bytes sent so far. */
    public Mono<Void> upload(URI putUrl, byte[] content, java.util.function.LongConsumer progress) {
        return Mono.defer(() -> uploader.obtain().put(putUrl, content, progress));
    }

    /** Uploads bytes to a source's {@code put_url}, without the key. */
    public Mono<Void> upload(URI putUrl, byte[] content) {
        return Mono.defer(() -> uploader.obtain().put(putUrl, content));
    }

    @Override
    public String toString() {
        return "HerokuTransport{" + config + "}";
    }
}
