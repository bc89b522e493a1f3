package dev.heroku4j.client.internal;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.heroku4j.client.error.HerokuTimeoutException;
import dev.heroku4j.client.paging.PagedFlux;
import dev.heroku4j.client.paging.PagedIterable;

/**
 * How the blocking client waits for the reactive one: never on a non-blocking (event-loop) thread, and never
 * longer than the call timeout, retries included; the exception thrown is the one the call failed with.
 */
public final class Blocking {

    private final Duration callTimeout;

    public Blocking(Duration callTimeout) {
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** The value, or null when Heroku answered with an empty body. */
    public <T> @Nullable T get(Mono<T> call) {
        checkThread();
        return call.timeout(callTimeout, Mono.error(() -> new HerokuTimeoutException(callTimeout))).block();
    }

    public void run(Mono<?> call) {
        get(call);
    }

    public <T> PagedIterable<T> list(PagedFlux<T> items) {
        return new PagedIterable<>(items, this);
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    /** Refuses to block a thread that must never block: Reactor's would say only "blocking is not supported". */
    public static void checkThread() {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("HerokuClient blocks, and thread " + Thread.currentThread().getName()
                    + " must not block (a WebFlux or Reactor Netty event loop): use ReactiveHerokuClient here");
        }
    }
}
