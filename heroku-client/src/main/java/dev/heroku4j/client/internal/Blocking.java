package dev.heroku4j.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.heroku4j.client.error.HerokuTimeoutException;
import dev.heroku4j.client.paging.PagedFlux;
import dev.heroku4j.client.paging.PagedIterable;
import dev.heroku4j.client.waiter.WaitOutcome;

/**
 * How the blocking client waits for the reactive one: never on a non-blocking (event-loop) thread, and never
 * longer than the call timeout, retries included; the exception thrown is the one the call failed with.
 */
public final class Blocking {

    private final Duration callTimeout;

    public Blocking(Duration callTimeout) {
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /**
     * The value, or null when Heroku answered with an empty body. Waits on a future rather than a Reactor timer: no
     * scheduled task per call, and cancelling the future cancels the call.
     */
    public <T> @Nullable T get(Mono<T> call) {
        return get(call, callTimeout);
    }

    /**
     * The outcome of a wait whose own deadline ends it (the waiter gives up at its deadline; the call timeout on top
     * covers the poll that is in flight then). Interrupting the waiting thread cancels the wait.
     */
    public <T> WaitOutcome<T> await(Mono<WaitOutcome<T>> wait, Duration deadline) {
        return Objects.requireNonNull(get(wait, deadline.plus(callTimeout)), "a wait always has an outcome");
    }

    /** The value of work that bounds itself by {@code deadline} (a deploy); the call timeout on top covers its last call. */
    public <T> @Nullable T within(Mono<T> work, Duration deadline) {
        return get(work, deadline.plus(callTimeout));
    }

    private <T> @Nullable T get(Mono<T> call, Duration timeout) {
        checkThread();
        CompletableFuture<T> result = call.toFuture();
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new HerokuTimeoutException(timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? withCallerStack(failure) : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Heroku", e);
        }
    }

    /** The call's own exception, with where the caller waited added, as Reactor's block() does. */
    private static RuntimeException withCallerStack(RuntimeException failure) {
        failure.addSuppressed(new Exception("HerokuClient call waited at"));
        return failure;
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
