package dev.heroku4j.bench.throttle;

import java.net.URI;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Counts one client's attempts on the wire, as the published method does per client: requests, 429s, and the
 * longest sleep, taken as the longest time between a response and the client's next request (whatever slept: a
 * throttle, a retry back-off, a {@code Retry-After}). The free {@code GET /account/rate-limits} is not counted.
 */
final class MeteredConnector implements ClientHttpConnector {

    private final ClientHttpConnector delegate;
    private long requests;
    private long limited;
    private long lastResponseNanos = -1;
    private long maxSleepNanos;
    private int lastRemaining = -1;

    MeteredConnector(ClientHttpConnector delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
                                            Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
        if (uri.getPath().endsWith("/account/rate-limits")) {
            return delegate.connect(method, uri, requestCallback);
        }
        return Mono.defer(() -> {
            synchronized (this) {
                long now = System.nanoTime();
                if (lastResponseNanos >= 0) {
                    maxSleepNanos = Math.max(maxSleepNanos, now - lastResponseNanos);
                }
                requests++;
            }
            return delegate.connect(method, uri, requestCallback).doOnNext(r -> {
                synchronized (this) {
                    lastResponseNanos = System.nanoTime();
                    if (r.getStatusCode().value() == 429) {
                        limited++;
                    }
                    String remaining = r.getHeaders().getFirst("RateLimit-Remaining");
                    if (remaining != null) {
                        lastRemaining = Integer.parseInt(remaining.strip());
                    }
                }
            });
        });
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long limited() {
        return limited;
    }

    synchronized double maxSleepSeconds() {
        return maxSleepNanos / 1e9;
    }

    synchronized int lastRemaining() {
        return lastRemaining;
    }
}
