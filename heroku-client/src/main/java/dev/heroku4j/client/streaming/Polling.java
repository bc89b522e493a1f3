package dev.heroku4j.client.streaming;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Bounded polling, e.g. until a build is no longer {@code pending}:
 * <pre>{@code
 * Polling.waitFor(() -> buildApi.buildInfo(app, buildId), b -> b.getStatus() != Build.StatusEnum.PENDING,
 *                 Duration.ofSeconds(3), Duration.ofMinutes(15));
 * }</pre>
 */
public final class Polling {

    private Polling() {
    }

    /**
     * Calls {@code probe} now and then {@code interval} after each answer (never two calls at once) until an answer
     * satisfies {@code done}, which is returned. An error from the probe ends the wait with that error (the
     * client's retry filter has already retried what may be retried). After {@code timeout} it fails with
     * {@link WaitTimeoutException}, which carries the last answer seen.
     */
    public static <T> Mono<T> waitFor(Supplier<Mono<T>> probe, Predicate<? super T> done, Duration interval,
                                      Duration timeout) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(done, "done");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("interval and timeout must be positive");
        }
        return Mono.defer(() -> {
            AtomicReference<T> last = new AtomicReference<>();
            return Mono.defer(probe)
                    .doOnNext(last::set)
                    .repeatWhen(answers -> answers.delayElements(interval))
                    .filter(done::test)
                    .next()
                    .timeout(timeout, Mono.defer(() -> Mono.error(new WaitTimeoutException(timeout, last.get()))));
        });
    }
}
