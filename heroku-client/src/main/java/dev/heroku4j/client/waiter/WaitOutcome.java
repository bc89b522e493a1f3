package dev.heroku4j.client.waiter;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a wait ended: {@link Succeeded}, {@link Failed} (with the resource's own failure detail) or
 * {@link DeadlineExceeded} (with the last state seen). A wait that is cancelled (a disposed subscription, an
 * interrupted blocking call) has no outcome. Test which it is, or take the resource with {@link #orThrow()}:
 * <pre>{@code
 * WaitOutcome<Build> outcome = heroku.build().buildWait(app, build.getId());
 * if (outcome instanceof WaitOutcome.Failed<Build> failed) {
 *     log.warn("build {}: {}", failed.state(), failed.detail());
 * }
 * Build done = outcome.orThrow();
 * }</pre>
 */
public sealed interface WaitOutcome<T> {

    /** The kind of resource waited for ({@code build}). */
    String resourceType();

    /** The last state seen, as Heroku wrote it; null when no poll answered before the deadline. */
    @Nullable String state();

    /** The resource as last read; null when no poll answered before the deadline. */
    @Nullable T resource();

    /** Polls made. */
    int polls();

    Duration elapsed();

    default boolean succeeded() {
        return this instanceof Succeeded;
    }

    /** The resource when the wait succeeded, else {@link WaitFailedException} carrying this outcome. */
    default T orThrow() {
        if (this instanceof Succeeded<T> ok) {
            return ok.resource();
        }
        throw new WaitFailedException(this);
    }

    /** Reached a success state ({@code succeeded}, {@code provisioned}, {@code up}, ...). */
    record Succeeded<T>(String resourceType, String state, T resource, int polls, Duration elapsed)
            implements WaitOutcome<T> {
    }

    /**
     * Reached a failure state ({@code failed}, {@code crashed}, ...).
     *
     * @param detail the resource's own explanation, by field ({@code failure_message}, {@code output_stream_url});
     *               fields Heroku left empty are left out
     */
    record Failed<T>(String resourceType, String state, T resource, Map<String, String> detail, int polls,
                     Duration elapsed) implements WaitOutcome<T> {
    }

    /** The deadline passed in a state that is not terminal. */
    record DeadlineExceeded<T>(String resourceType, @Nullable String state, @Nullable T resource, Duration deadline,
                               int polls, Duration elapsed) implements WaitOutcome<T> {
    }
}
