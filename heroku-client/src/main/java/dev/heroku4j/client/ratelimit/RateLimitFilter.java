package dev.heroku4j.client.ratelimit;

import java.util.Objects;

import dev.heroku4j.client.http.HerokuHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Feeds {@code RateLimit-Remaining} of every response into a {@link RateLimitTracker}. Install it inside the error
 * filter, so error responses (a 429 says {@code 0}) are read before they become exceptions.
 */
public final class RateLimitFilter implements ExchangeFilterFunction {

    private final RateLimitTracker tracker;

    public RateLimitFilter(RateLimitTracker tracker) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).doOnNext(response -> {
            String value = response.headers().asHttpHeaders().getFirst(HerokuHeaders.RATE_LIMIT_REMAINING);
            if (value != null) {
                try {
                    tracker.record(Integer.parseInt(value.strip()));
                } catch (NumberFormatException ignored) {
                    // a malformed header is not worth failing the call for
                }
            }
        });
    }
}
