package dev.heroku4j.client.ratelimit;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import dev.heroku4j.client.error.HerokuRateLimitException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * Asks a {@link Throttle} before each attempt and tells it about 429s. Sits inside the retry filter (so each retry
 * is paced too) and outside the engine's per-attempt filter that maps errors (so a 429 arrives here as a
 * {@link HerokuRateLimitException}).
 *
 * <p>At the client's first call, while the throttle knows no reading, it sends one {@code GET /account/rate-limits}
 * (which Heroku does not count against the quota) so that the client does not start blind. The probe is sent once
 * per client, whatever it answers; concurrent first calls wait for it, at most {@link #PROBE_WAIT}. A probe that
 * fails (an error status, a refused connection, no answer in time) is logged at debug and otherwise ignored: the
 * call goes on as if there had been no probe, and pacing starts from the first response. Requests to
 * {@code /account/rate-limits} themselves (the probe, the health check) are never delayed. The throttle only ever
 * delays an attempt: it never sends, drops or repeats one.
 */
public final class ThrottleFilter implements ExchangeFilterFunction {

    private static final Logger log = LoggerFactory.getLogger(ThrottleFilter.class);
    static final String RATE_LIMITS_PATH = "/account/rate-limits";
    /** The longest the first calls wait for the probe: it only informs the pacing, so a slow one is not waited out. */
    public static final Duration PROBE_WAIT = Duration.ofSeconds(2);

    private final Throttle throttle;
    private final URI probeUri;
    private final AtomicReference<@Nullable Mono<Void>> probe = new AtomicReference<>();

    /** @param baseUrl the client's API origin, path prefix included: the probe goes to its {@code /account/rate-limits} */
    public ThrottleFilter(Throttle throttle, URI baseUrl) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.probeUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + RATE_LIMITS_PATH);
    }

    public Throttle throttle() {
        return throttle;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (request.url().getPath().endsWith(RATE_LIMITS_PATH)) {
            return next.exchange(request);
        }
        return Mono.defer(() -> throttle.needsProbe()
                        ? probed(next).then(Mono.defer(() -> paced(request, next)))
                        : paced(request, next))
                .doOnError(HerokuRateLimitException.class, e -> throttle.onLimited(e.retryAfter()));
    }

    /**
     * The attempt after the throttle's wait. Most attempts have none (a known quota with room): then the throttle
     * answers with Reactor's scalar empty Mono and the attempt goes straight on, without operators of its own.
     */
    private Mono<ClientResponse> paced(ClientRequest request, ExchangeFunction next) {
        Mono<Void> wait = throttle.acquire();
        if (wait instanceof Fuseable.ScalarCallable<?> scalar && isEmpty(scalar)) {
            return next.exchange(request);
        }
        return wait.then(Mono.defer(() -> next.exchange(request)));
    }

    private static boolean isEmpty(Fuseable.ScalarCallable<?> scalar) {
        try {
            return scalar.call() == null;
        } catch (Exception e) {
            return false;   // an error Mono: subscribing to it below delivers the error
        }
    }

    private Mono<Void> probed(ExchangeFunction next) {
        if (!throttle.needsProbe()) {
            return Mono.empty();
        }
        Mono<Void> mine = Mono.defer(() -> next.exchange(ClientRequest.create(HttpMethod.GET, probeUri).build()))
                .flatMap(ClientResponse::releaseBody)
                .timeout(PROBE_WAIT)
                .doOnError(e -> log.debug("Rate-limit probe failed; pacing starts at the first response: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .cache();
        Mono<Void> existing = probe.compareAndExchange(null, mine);
        return existing != null ? existing : mine;
    }
}
