package dev.heroku4j.client.waiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.ratelimit.RateLimitTracker;

/**
 * The polls every waiter of one client may make: in any {@link #WINDOW} at most {@code share} of the
 * {@code RateLimit-Remaining} last reported (the share each waiter asks for; 0.5 by default). So waiters alone never
 * empty the quota, however many run: each minute they spend at most half of what is left, and fewer as it falls.
 * Before any reading, polls go ahead (the reading comes with the first answer). When the share rounds down to none,
 * one poll a window is let through once the reading is a window old, since Heroku will have refilled the quota by
 * then (75 requests a minute) and a new reading needs a request. Thread-safe.
 */
public final class PollBudget {

    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitTracker tracker;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public PollBudget(RateLimitTracker tracker) {
        this(tracker, Clock.systemUTC());
    }

    PollBudget(RateLimitTracker tracker, Clock clock) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Zero when a poll may go now (and counts it), else how long to wait before asking again. */
    public synchronized Duration reserve(double share) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        Optional<RateLimitSnapshot> reading = tracker.current();
        if (reading.isEmpty() || recent.size() < allowed(share, reading.get(), now)) {
            recent.addLast(now);
            return Duration.ZERO;
        }
        Instant free = recent.isEmpty() ? reading.get().observedAt().plus(WINDOW) : recent.peekFirst().plus(WINDOW);
        return Duration.between(now, free).plusMillis(1);
    }

    private static int allowed(double share, RateLimitSnapshot reading, Instant now) {
        int allowed = (int) Math.floor(share * reading.remaining());
        if (allowed == 0 && !reading.observedAt().isAfter(now.minus(WINDOW))) {
            return 1;
        }
        return allowed;
    }

    /** Polls counted in the current window. */
    public synchronized int inWindow() {
        return recent.size();
    }
}
