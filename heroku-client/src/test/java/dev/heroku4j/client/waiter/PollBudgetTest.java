package dev.heroku4j.client.waiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.heroku4j.client.ratelimit.RateLimitTracker;

/** The share of the remaining quota that polls may spend per minute, on a clock the test moves. */
class PollBudgetTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final MovingClock clock = new MovingClock();
    final RateLimitTracker tracker = new RateLimitTracker(clock);
    final PollBudget budget = new PollBudget(tracker, clock);

    @Test
    void reserve_beforeAnyReading_letsPollsGo() {
        for (int i = 0; i < 10; i++) {
            assertThat(budget.reserve(0.5)).isZero();
        }
    }

    @Test
    void reserve_withinAMinute_allowsTheShareOfWhatRemains_thenSaysWhenTheOldestLeavesTheWindow() {
        tracker.record(100);
        for (int i = 0; i < 50; i++) {
            assertThat(budget.reserve(0.5)).as("poll %d", i).isZero();
            clock.now = clock.now.plusMillis(100);
        }
        Duration wait = budget.reserve(0.5);

        assertThat(wait).isEqualTo(Duration.ofMillis(55_001)); // 60 s after the first, 5 s ago
        clock.now = clock.now.plus(wait);
        assertThat(budget.reserve(0.5)).isZero();
    }

    @Test
    void reserve_asTheQuotaFalls_allowsFewer() {
        tracker.record(10);

        assertThat(budget.reserve(0.3)).isZero();
        assertThat(budget.reserve(0.3)).isZero();
        assertThat(budget.reserve(0.3)).isZero();
        assertThat(budget.reserve(0.3)).isPositive();
    }

    @Test
    void reserve_whenTheShareRoundsToNone_letsOnePollAMinuteReadTheRefilledQuota() {
        tracker.record(1);

        assertThat(budget.reserve(0.5)).isEqualTo(PollBudget.WINDOW.plusMillis(1));
        clock.now = clock.now.plus(PollBudget.WINDOW);
        assertThat(budget.reserve(0.5)).isZero();
        assertThat(budget.reserve(0.5)).isPositive();
    }
}
