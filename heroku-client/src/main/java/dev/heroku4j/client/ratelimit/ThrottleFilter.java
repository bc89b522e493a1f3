package dev.heroku4j.client.ratelimit;

import java.net.URI;
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
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Asks a {@link Throttle} before each attempt and tells it about 429s. Sits inside the retry filter (so each retry
 * is paced too) and outside the error filter (so a 429 arrives here as a {@link HerokuRateLimitException}).
 *
 * <p>Before the first call, while the throttle knows no reading, it sends one {@code GET /account/rate-limits}
 * (which Heroku does not count against the quota) so that the client does not start blind; concurrent first calls
 * wait for that one probe, and a failed probe is ignored. Requests to {@code /account/rate-limits} themselves (the
 * probe, the health check) are never delayed. The throttle only ever delays an attempt: it never sends, drops or
 * repeats one.
 */
public final class ThrottleFilter implements ExchangeFilterFunction {

    private static final Logger log = LoggerFactory.getLogger(ThrottleFilter.class);
    static final String RATE_LIMITS_PATH = "/account/rate-limits";

    private final Throttle throttle;
    private final AtomicReference<@Nullable Mono<Void>> probe = new AtomicReference<>();

    public ThrottleFilter(Throttle throttle) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    public Throttle throttle() {
        return throttle;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (request.url().getPath().endsWith(RATE_LIMITS_PATH)) {
            return next.exchange(request);
        }
        return Mono.defer(() -> probed(request, next))
                .then(Mono.defer(throttle::acquire))
                .then(Mono.defer(() -> next.exchange(request)))
                .doOnError(HerokuRateLimitException.class, e -> throttle.onLimited(e.retryAfter()));
    }

    private Mono<Void> probed(ClientRequest request, ExchangeFunction next) {
        if (!throttle.needsProbe()) {
            return Mono.empty();
        }
        Mono<Void> mine = Mono.defer(() -> next.exchange(probeRequest(request.url())))
                .flatMap(ClientResponse::releaseBody)
                .doOnError(e -> log.debug("Rate-limit probe failed; pacing starts at the first response: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .cache();
        Mono<Void> existing = probe.compareAndExchange(null, mine);
        return existing != null ? existing : mine;
    }

    private static ClientRequest probeRequest(URI url) {
        URI uri = UriComponentsBuilder.fromUri(url).replacePath(RATE_LIMITS_PATH).replaceQuery(null).fragment(null)
                .build(true).toUri();
        return ClientRequest.create(HttpMethod.GET, uri).build();
    }
}
