package dev.heroku4j.client.ratelimit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The clock Bucket4j refills shared buckets by, on clocks the test moves. */
class SteadyClockTest {

    private static final long START = Duration.ofDays(20_000).toNanos();   // a wall time in 2024
    private final AtomicLong wall = new AtomicLong(START);
    private final AtomicLong monotonic = new AtomicLong(42);
    private final SteadyClock clock = new SteadyClock(wall::get, monotonic::get);

    private void pass(Duration d) {
        wall.addAndGet(d.toNanos());
        monotonic.addAndGet(d.toNanos());
    }

    @Test
    void startsAtTheWallClock_andFollowsIt() {
        assertThat(clock.currentTimeNanos()).isEqualTo(START);
        pass(Duration.ofSeconds(3));
        assertThat(clock.currentTimeNanos()).isEqualTo(START + Duration.ofSeconds(3).toNanos());
        assertThat(clock.jumps()).isZero();
        assertThat(clock.isWallClockBased()).isTrue();
    }

    @Test
    void followsAWallClockThatNtpSlews_soInstancesKeepAgreeing() {
        monotonic.addAndGet(Duration.ofSeconds(100).toNanos());
        wall.addAndGet(Duration.ofSeconds(100).toNanos() + Duration.ofMillis(50).toNanos());   // 500 ppm fast
        assertThat(clock.currentTimeNanos()).isEqualTo(START + Duration.ofMillis(100_050).toNanos());
        assertThat(clock.jumps()).isZero();
    }

    @Test
    void aJumpForward_isSteppedOverByTheTimeThatPassed() {
        pass(Duration.ofSeconds(1));
        clock.currentTimeNanos();
        wall.addAndGet(Duration.ofHours(1).toNanos());
        pass(Duration.ofSeconds(2));
        assertThat(clock.currentTimeNanos()).isEqualTo(START + Duration.ofSeconds(3).toNanos());
        pass(Duration.ofSeconds(1));                              // then it follows the (jumped) wall clock's pace again
        assertThat(clock.currentTimeNanos()).isEqualTo(START + Duration.ofSeconds(4).toNanos());
        assertThat(clock.jumps()).isEqualTo(1);
    }

    @Test
    void aJumpBack_neitherTurnsTheClockBackNorStopsIt() {
        pass(Duration.ofSeconds(1));
        long before = clock.currentTimeNanos();
        wall.addAndGet(-Duration.ofHours(1).toNanos());
        pass(Duration.ofMillis(800));
        assertThat(clock.currentTimeNanos()).isEqualTo(before + Duration.ofMillis(800).toNanos());
        pass(Duration.ofMillis(800));
        assertThat(clock.currentTimeNanos()).isEqualTo(before + Duration.ofMillis(1600).toNanos());
        assertThat(clock.jumps()).isEqualTo(1);
    }

    @Test
    void aSmallStepBackWithinTheTolerance_holdsTheClockInsteadOfTurningItBack() {
        pass(Duration.ofSeconds(1));
        long before = clock.currentTimeNanos();
        wall.addAndGet(-Duration.ofMillis(3).toNanos());
        assertThat(clock.currentTimeNanos()).isEqualTo(before);
        assertThat(clock.jumps()).isZero();
    }

    @Test
    void theSystemClock_isCloseToTheWallClock() {
        long now = System.currentTimeMillis() * 1_000_000;
        assertThat(Math.abs(SteadyClock.system().currentTimeNanos() - now)).isLessThan(Duration.ofSeconds(1).toNanos());
    }
}
