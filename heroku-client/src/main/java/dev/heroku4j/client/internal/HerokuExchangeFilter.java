package dev.heroku4j.client.internal;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.error.HerokuErrorFilter;
import dev.heroku4j.client.http.HerokuRequestHeaders;
import dev.heroku4j.client.http.HerokuWarnings;
import dev.heroku4j.client.http.RequestLog;
import dev.heroku4j.client.ratelimit.RateLimitTracker;

/**
 * Everything the engine does to one attempt that needs no waiting, inside retry and throttle, with no copy of the
 * request and two operators on the response (each step is its concept's own function):
 * <ol>
 *   <li>the request: {@code User-Agent}, a fresh {@code Request-Id} and the one {@code Accept}
 *       ({@link HerokuRequestHeaders}), {@code Authorization} as {@link BearerAuth} decides, laid over the given
 *       request by an {@link AttemptRequest} rather than a copy of it;</li>
 *   <li>no answer (one {@code onErrorMap}): logged ({@link RequestLog}), then a {@code WebClientRequestException}
 *       becomes a {@code HerokuTransportException} ({@link HerokuErrorFilter#transportFailure});</li>
 *   <li>an answer (one {@code flatMap}), whatever its status: Heroku warnings logged ({@link HerokuWarnings}),
 *       {@code RateLimit-Remaining} recorded ({@link RateLimitTracker#record(HttpHeaders)}), the attempt logged with
 *       its real status, then a non-2xx status read into a {@code HerokuApiException}
 *       ({@link HerokuErrorFilter#readError}).</li>
 * </ol>
 * Computed when subscribed, so each attempt (the retry filter re-subscribes) gets its own Request-Id.
 *
 * <p>{@code Authorization} is written into the outgoing HTTP request only, never into the request's
 * {@code headers()}: what Spring builds from those (the request of a {@code WebClientRequestException}, or
 * of a {@code WebClientResponseException} when a 2xx body cannot be read) never carries the key, so no copy of the
 * response or exception is needed to take it out.
 */
public final class HerokuExchangeFilter implements ExchangeFilterFunction {

    private final HerokuRequestHeaders requestHeaders;
    private final BearerAuth auth;
    private final RateLimitTracker tracker;
    private final HerokuWarnings warnings = new HerokuWarnings();

    public HerokuExchangeFilter(HerokuRequestHeaders requestHeaders, BearerAuth auth, RateLimitTracker tracker) {
        this.requestHeaders = Objects.requireNonNull(requestHeaders, "requestHeaders");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> attempt(request, next));
    }

    private Mono<ClientResponse> attempt(ClientRequest given, ExchangeFunction next) {
        @Nullable List<String> authorization = auth.authorization(given.url(), given.headers());
        ClientRequest base = given;
        if (authorization == null && given.headers().containsHeader(HttpHeaders.AUTHORIZATION)) {
            base = ClientRequest.from(given).headers(h -> h.remove(HttpHeaders.AUTHORIZATION)).build(); // not ours to send
        }
        ClientRequest request = new AttemptRequest(base, requestHeaders.userAgent(), requestHeaders.newRequestId(),
                requestHeaders.accept(base.headers().get(HttpHeaders.ACCEPT)), authorization);
        long start = System.nanoTime();
        Mono<ClientResponse> exchange = next.exchange(request);
        if (RequestLog.enabled()) {
            exchange = exchange.doOnCancel(() -> RequestLog.cancelled(request, start));
        }
        return exchange
                .onErrorMap(e -> failed(request, e, start))
                .flatMap(response -> answered(request, response, authorization, start));
    }

    private static Throwable failed(ClientRequest request, Throwable e, long start) {
        RequestLog.failed(request, e, start);
        return e instanceof WebClientRequestException noAnswer ? HerokuErrorFilter.transportFailure(request, noAnswer) : e;
    }

    private Mono<ClientResponse> answered(ClientRequest request, ClientResponse response,
                                          @Nullable List<String> authorization, long start) {
        HttpHeaders headers = response.headers().asHttpHeaders();
        warnings.log(request, headers);
        tracker.record(headers);
        int status = response.statusCode().value();
        RequestLog.answered(request, status, start);
        if (response.statusCode().is2xxSuccessful()) {
            return Mono.just(response);
        }
        return HerokuErrorFilter.readError(request, response, HerokuErrorFilter.sentKey(authorization))
                .flatMap(Mono::error);
    }
}
