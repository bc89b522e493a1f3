package dev.heroku4j.client.deploy;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.streaming.StreamOptions;
import dev.heroku4j.client.waiter.WaitOptions;

/**
 * How a deploy runs. Immutable; {@link #defaults()} then {@code with...}.
 *
 * @param version       the source's version shown in the build and release (a commit, say); null: the checksum
 * @param uploadRetries retries of a failed upload (default 3; an upload is a PUT, safe to repeat)
 * @param waiting       how the build and the release are waited for; with no deadline of its own each waits up to
 *                      its resource's default (build 30 min, release 1 h)
 * @param stream        how the output streams reconnect
 * @param deadline      the longest the whole deploy may take (default 2 h)
 * @param listener      told of each step, upload progress, output line and poll
 */
public record DeployOptions(@Nullable String version, int uploadRetries, WaitOptions waiting, StreamOptions stream,
                            Duration deadline, DeployListener listener) {

    private static final DeployOptions DEFAULTS = new DeployOptions(null, 3, WaitOptions.defaults(),
            StreamOptions.defaults(), Duration.ofHours(2), DeployListener.none());

    public DeployOptions {
        if (uploadRetries < 0) {
            throw new IllegalArgumentException("uploadRetries must not be negative, was " + uploadRetries);
        }
        Objects.requireNonNull(waiting, "waiting");
        Objects.requireNonNull(stream, "stream");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        Objects.requireNonNull(listener, "listener");
    }

    public static DeployOptions defaults() {
        return DEFAULTS;
    }

    public DeployOptions version(@Nullable String text) {
        return new DeployOptions(text, uploadRetries, waiting, stream, deadline, listener);
    }

    public DeployOptions uploadRetries(int retries) {
        return new DeployOptions(version, retries, waiting, stream, deadline, listener);
    }

    public DeployOptions waitOptions(WaitOptions options) {
        return new DeployOptions(version, uploadRetries, options, stream, deadline, listener);
    }

    public DeployOptions streamOptions(StreamOptions options) {
        return new DeployOptions(version, uploadRetries, waiting, options, deadline, listener);
    }

    public DeployOptions deadline(Duration total) {
        return new DeployOptions(version, uploadRetries, waiting, stream, total, listener);
    }

    public DeployOptions listener(DeployListener to) {
        return new DeployOptions(version, uploadRetries, waiting, stream, deadline, to);
    }
}
