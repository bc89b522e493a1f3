package dev.heroku4j.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuRateLimitException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.error.TransportOutcome;
import dev.heroku4j.client.http.RequestInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retries a call with Reactor's exponential backoff with jitter ({@link Retry#backoff}):
 * <ul>
 *   <li>429 ({@link HerokuRateLimitException}) for every method: Heroku refuses before doing anything;</li>
 *   <li>transport failures ({@link HerokuTransportException}) by their {@link TransportOutcome}: {@code NOT_SENT}
 *       (refused, TLS handshake failed, pool full) for every method, since nothing reached the server;
 *       {@code UNKNOWN} (sent, no answer) only for idempotent methods; {@code PERMANENT} (untrusted certificate,
 *       invalid header) never;</li>
 *   <li>502/503/504 only for GET, HEAD, PUT, DELETE and OPTIONS; never for POST or PATCH, which might have taken
 *       effect.</li>
 * </ul>
 * A request marked with {@link #NO_RETRY_ATTRIBUTE} (a probe such as the health check) is sent once.
 * A {@code Retry-After} header is honoured by waiting that long before the usual backoff (so slightly longer than
 * asked). Retrying stops after {@link RetrySettings#maxRetries()}, or when the next retry would start later than
 * {@link RetrySettings#maxTotalWait()} after the first attempt; the last error is then raised as is, e.g. the
 * {@link HerokuRateLimitException}.
 *
 * <p>Must sit outside (before) the filters that set per-attempt headers and outside the error filter: each retry
 * re-runs everything below it, so the request gets a fresh {@code Request-Id} and the request body is written again
 * (bodies given as values replay; a one-shot {@code Publisher} body cannot).
 */
public final class RetryFilter implements ExchangeFilterFunction {

    private static final Logger log = LoggerFactory.getLogger(RetryFilter.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

    /** A request attribute: when {@code true}, the request is sent once, whatever the settings. */
    public static final String NO_RETRY_ATTRIBUTE = RetryFilter.class.getName() + ".noRetry";

    private final RetrySettings settings;

    public RetryFilter(RetrySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (settings.maxRetries() == 0 || Boolean.TRUE.equals(request.attributes().get(NO_RETRY_ATTRIBUTE))) {
            return next.exchange(request);
        }
        return Mono.defer(() -> {
            long startNanos = System.nanoTime();
            // Most calls succeed: the retry machinery is built only once an attempt has failed in a retryable way.
            return next.exchange(request).onErrorResume(e -> isRetryable(request.method(), e) && withinBudget(e, startNanos)
                    ? retried(request, next, e, startNanos) : Mono.error(e));
        });
    }

    /** The retries after a first failed attempt: the backoff sees that failure first, then each new attempt's. */
    private Mono<ClientResponse> retried(ClientRequest request, ExchangeFunction next, Throwable first, long startNanos) {
        AtomicBoolean firstSeen = new AtomicBoolean();
        Mono<ClientResponse> attempts = Mono.defer(() -> firstSeen.getAndSet(true) ? next.exchange(request)
                : Mono.error(first));
        Retry retry = Retry.backoff(settings.maxRetries(), settings.minBackoff())
                .maxBackoff(settings.maxBackoff())
                .jitter(settings.jitter())
                .filter(e -> isRetryable(request.method(), e) && withinBudget(e, startNanos))
                .doBeforeRetryAsync(signal -> {
                    Duration retryAfter = retryAfter(signal.failure());
                    return retryAfter == null ? Mono.empty() : Mono.delay(retryAfter).then();
                })
                .doBeforeRetry(signal -> log.debug("Retrying {} after {} (retry {} of {})",
                        RequestInfo.describe(request), signal.failure().toString(), signal.totalRetries() + 1,
                        settings.maxRetries()))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
        return attempts.retryWhen(retry);
    }

    /** Whether a failure of a request with this method may be retried at all (ignoring the budget). */
    public static boolean isRetryable(HttpMethod method, Throwable failure) {
        if (failure instanceof HerokuRateLimitException) {
            return true;
        }
        TransportOutcome outcome = failure instanceof HerokuTransportException transport ? transport.outcome()
                : failure instanceof WebClientRequestException ? TransportOutcome.of(failure) : null;
        if (outcome == TransportOutcome.NOT_SENT) {
            return true;
        }
        if (outcome == TransportOutcome.PERMANENT || !IDEMPOTENT.contains(method)) {
            return false;
        }
        if (failure instanceof HerokuApiException api) {
            return UNAVAILABLE.contains(api.status());
        }
        return outcome == TransportOutcome.UNKNOWN;
    }

    private boolean withinBudget(Throwable failure, long startNanos) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration retryAfter = retryAfter(failure);
        Duration next = elapsed.plus(retryAfter == null ? settings.minBackoff() : retryAfter);
        return next.compareTo(settings.maxTotalWait()) <= 0;
    }

    private static @Nullable Duration retryAfter(Throwable failure) {
        return failure instanceof HerokuApiException api ? api.retryAfter() : null;
    }
}
