package dev.heroku4j.client.ratelimit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

import dev.heroku4j.client.http.HerokuHeaders;

/**
 * Holds the latest {@code RateLimit-Remaining} seen on any response (success or error) and tells listeners about each
 * new reading. Thread-safe; share one per Heroku account. Listeners run on the I/O thread that received the
 * response: keep them short and non-blocking. A listener that throws is logged and otherwise ignored.
 */
public final class RateLimitTracker {

    private static final Logger log = LoggerFactory.getLogger(RateLimitTracker.class);

    private final Clock clock;
    private final List<Consumer<RateLimitSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile @Nullable RateLimitSnapshot latest;

    public RateLimitTracker() {
        this(Clock.systemUTC());
    }

    public RateLimitTracker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The latest reading, empty before the first response. */
    public Optional<RateLimitSnapshot> current() {
        return Optional.ofNullable(latest);
    }

    public OptionalInt remaining() {
        RateLimitSnapshot s = latest;
        return s == null ? OptionalInt.empty() : OptionalInt.of(s.remaining());
    }

    /** A listener added to a tracker; {@link #close()} removes it. No Reactor type, so blocking code can hold it. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Called with every new reading; close the result to stop. */
    public Registration onSnapshot(Consumer<RateLimitSnapshot> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called with every new remaining count; close the result to stop. */
    public Registration onRemaining(IntConsumer listener) {
        Objects.requireNonNull(listener, "listener");
        return onSnapshot(s -> listener.accept(s.remaining()));
    }

    /**
     * Records the {@code RateLimit-Remaining} of a response, success or error; a response without one, or with a
     * malformed one, is not worth failing the call for and changes nothing. The engine calls this for every response
     * ({@code internal.HerokuExchangeFilter}), before an error status becomes an exception.
     */
    public void record(HttpHeaders responseHeaders) {
        String value = responseHeaders.getFirst(HerokuHeaders.RATE_LIMIT_REMAINING);
        if (value != null) {
            try {
                record(Integer.parseInt(value.strip()));
            } catch (NumberFormatException ignored) {
                // a malformed header is not worth failing the call for
            }
        }
    }

    /** Records a reading. */
    public void record(int remaining) {
        RateLimitSnapshot snapshot = new RateLimitSnapshot(remaining, clock.instant());
        latest = snapshot;
        for (Consumer<RateLimitSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                log.warn("Rate-limit listener {} failed", listener, e);
            }
        }
    }

    Clock clock() {
        return clock;
    }
}
