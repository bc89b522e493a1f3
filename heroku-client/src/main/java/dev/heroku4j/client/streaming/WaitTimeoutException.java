package dev.heroku4j.client.streaming;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** {@link Polling#waitFor} gave up. */
public class WaitTimeoutException extends RuntimeException {

    private final transient @Nullable Object lastValue;

    public WaitTimeoutException(Duration timeout, @Nullable Object lastValue) {
        super("Condition not met within " + timeout + (lastValue == null ? "; no answer yet" : "; last answer: " + lastValue));
        this.lastValue = lastValue;
    }

    /** The last answer the probe gave, or null. */
    public @Nullable Object lastValue() {
        return lastValue;
    }
}
