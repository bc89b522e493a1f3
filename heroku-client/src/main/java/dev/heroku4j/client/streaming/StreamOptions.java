package dev.heroku4j.client.streaming;

import java.time.Duration;

/**
 * How a resumable stream reconnects ({@link ResumableLines}).
 *
 * @param maxReconnects reconnects in a row that bring no new line before the stream fails (default 5); a
 *                      reconnect that brings a line starts the count again
 * @param firstPause    the pause before the first reconnect (default 250 ms); each next one doubles
 * @param maxPause      the longest pause (default 5 s)
 */
public record StreamOptions(int maxReconnects, Duration firstPause, Duration maxPause) {

    private static final StreamOptions DEFAULTS = new StreamOptions(5, Duration.ofMillis(250), Duration.ofSeconds(5));

    public StreamOptions {
        if (maxReconnects < 0) {
            throw new IllegalArgumentException("maxReconnects must not be negative, was " + maxReconnects);
        }
        if (firstPause.isNegative() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("pauses must satisfy 0 <= firstPause <= maxPause, were " + firstPause
                    + " and " + maxPause);
        }
    }

    public static StreamOptions defaults() {
        return DEFAULTS;
    }

    /** One connection, no reconnect: what {@code lines(url)} did before streams could resume. */
    public static StreamOptions noReconnect() {
        return new StreamOptions(0, Duration.ZERO, Duration.ZERO);
    }

    public StreamOptions maxReconnects(int max) {
        return new StreamOptions(max, firstPause, maxPause);
    }

    public StreamOptions pauses(Duration first, Duration max) {
        return new StreamOptions(maxReconnects, first, max);
    }

    Duration pause(int attempt) {
        long millis = firstPause.toMillis() << Math.min(attempt - 1, 20);
        return millis > maxPause.toMillis() || millis < 0 ? maxPause : Duration.ofMillis(millis);
    }
}
