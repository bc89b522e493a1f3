package dev.heroku4j.client.waiter;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * How one wait polls. Immutable; {@link #defaults()} then {@code with...}:
 * <pre>{@code
 * WaitOptions.defaults().deadline(Duration.ofMinutes(20)).onPoll(p -> log.info("{} is {}", p.resource(), p.state()))
 * }</pre>
 *
 * @param deadline    when the wait gives up, from its start; null for the resource's default (see its waiter)
 * @param interval    the first pause between polls (default 1 s); each pause is 1.5 times the last, with 10% jitter
 * @param maxInterval the longest pause (default 15 s)
 * @param quotaShare  the share of the remaining rate limit that polls may spend in any minute, shared by every
 *                    waiter of the client (default 0.5): with 600 left, at most 300 polls a minute, and fewer as
 *                    the quota falls
 * @param onPoll      told of every state seen, on the thread that received it (keep it short)
 */
public record WaitOptions(@Nullable Duration deadline, Duration interval, Duration maxInterval, double quotaShare,
                          Consumer<WaitProgress> onPoll) {

    private static final WaitOptions DEFAULTS = new WaitOptions(null, Duration.ofSeconds(1), Duration.ofSeconds(15), 0.5,
            p -> { });

    public WaitOptions {
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        if (interval.isNegative() || interval.isZero() || maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("interval must be positive and at most maxInterval, was " + interval
                    + " and " + maxInterval);
        }
        if (!(quotaShare > 0 && quotaShare <= 1)) {
            throw new IllegalArgumentException("quotaShare must be in (0, 1], was " + quotaShare);
        }
        Objects.requireNonNull(onPoll, "onPoll");
    }

    public static WaitOptions defaults() {
        return DEFAULTS;
    }

    /** The options with this deadline. */
    public static WaitOptions deadlineIn(Duration deadline) {
        return DEFAULTS.deadline(deadline);
    }

    public WaitOptions deadline(Duration deadline) {
        return new WaitOptions(Objects.requireNonNull(deadline, "deadline"), interval, maxInterval, quotaShare, onPoll);
    }

    public WaitOptions interval(Duration first, Duration max) {
        return new WaitOptions(deadline, first, max, quotaShare, onPoll);
    }

    public WaitOptions quotaShare(double share) {
        return new WaitOptions(deadline, interval, maxInterval, share, onPoll);
    }

    public WaitOptions onPoll(Consumer<WaitProgress> listener) {
        return new WaitOptions(deadline, interval, maxInterval, quotaShare, listener);
    }

    /** The deadline to use for a resource of this spec. */
    public Duration deadlineFor(WaitSpec spec) {
        return deadline != null ? deadline : spec.defaultDeadline();
    }
}
