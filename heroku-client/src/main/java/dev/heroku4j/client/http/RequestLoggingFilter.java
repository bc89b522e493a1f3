package dev.heroku4j.client.http;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * One DEBUG line per attempt: {@code GET /apps/{app_id_or_name} -> 200 in 12 ms (Request-Id ...)}.
 * It logs the path TEMPLATE, never the expanded path, query, headers or body, so no identity, token or
 * {@code Authorization} value can reach the log at any level.
 */
public final class RequestLoggingFilter implements ExchangeFilterFunction {

    private static final Logger log = LoggerFactory.getLogger(RequestLoggingFilter.class);

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (!log.isDebugEnabled()) {
            return next.exchange(request);
        }
        return Mono.defer(() -> {
            long start = System.nanoTime();
            String requestId = request.headers().getFirst(HerokuHeaders.REQUEST_ID);
            return next.exchange(request)
                    .doOnNext(response -> log.debug("{} -> {} in {} ms (Request-Id {})", RequestInfo.describe(request),
                            response.statusCode().value(), elapsedMillis(start), requestId))
                    .doOnError(e -> log.debug("{} -> {} in {} ms (Request-Id {})", RequestInfo.describe(request),
                            e.getClass().getSimpleName(), elapsedMillis(start), requestId))
                    .doOnCancel(() -> log.debug("{} -> cancelled after {} ms (Request-Id {})",
                            RequestInfo.describe(request), elapsedMillis(start), requestId));
        });
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
