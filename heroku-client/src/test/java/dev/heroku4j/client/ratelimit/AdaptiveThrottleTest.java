package dev.heroku4j.client.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimitTracker tracker = new RateLimitTracker();
    private final AdaptiveThrottle throttle = new AdaptiveThrottle(tracker, ThrottlePolicy.DEFAULTS, nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void reserve_beforeAnyReadingOrAtOrAboveTheThreshold_neverDelays() {
        assertThat(throttle.reserve()).isZero();
        assertThat(throttle.needsProbe()).isTrue();
        tracker.record(100);
        assertThat(throttle.needsProbe()).isFalse();
        for (int i = 0; i < 50; i++) {
            assertThat(throttle.reserve()).isZero();
        }
        assertThat(throttle.stats().delayed()).isZero();
    }

    @Test
    void interval_growsLinearlyAsRemainingFalls_toMaxIntervalAtEmpty() {
        tracker.record(50);
        assertThat(throttle.interval()).isEqualTo(Duration.ofSeconds(5));
        tracker.record(0);
        assertThat(throttle.interval()).isEqualTo(Duration.ofSeconds(10));
        tracker.record(90);
        assertThat(throttle.interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void reserve_belowTheThreshold_spacesCallsByTheInterval_theFirstAtARandomPhase() {
        tracker.record(50);                                     // interval 5 s
        Duration first = throttle.reserve();
        assertThat(first).isBetween(Duration.ZERO, Duration.ofSeconds(5));
        Duration second = throttle.reserve();                  // asked at once: one interval after the first
        assertThat(second).isEqualTo(first.plusSeconds(5));
        advance(first.plusSeconds(5).plusSeconds(5));           // both slots passed, and one interval more
        assertThat(throttle.reserve()).isZero();
        assertThat(throttle.stats().delayed()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onLimited_doublesTheCrowdingOncePerBurst_waitsForRetryAfter_andRecoversWithTime() {
        tracker.record(0);
        throttle.onLimited(Duration.ofSeconds(3));
        throttle.onLimited(Duration.ofSeconds(3));              // the same burst: one signal
        assertThat(throttle.crowding()).isEqualTo(2);
        assertThat(throttle.interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(throttle.reserve()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        for (int i = 0; i < 4; i++) {
            advance(Duration.ofMillis(1000));
            throttle.onLimited(null);
        }
        assertThat(throttle.crowding()).isEqualTo(8);           // capped
        advance(Duration.ofSeconds(300));                       // pace 1/8 + 300/1200
        tracker.record(0);
        assertThat(throttle.crowding()).isCloseTo(1 / (0.125 + 0.25), org.assertj.core.data.Offset.offset(0.01));
        advance(Duration.ofSeconds(1200));
        tracker.record(0);
        assertThat(throttle.crowding()).isEqualTo(1);
        assertThat(throttle.stats().limited()).isEqualTo(6);
    }

    @Test
    void aWallClockJump_changesNothing_theThrottleMeasuresTimeMonotonically() {
        AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("2026-12-01T12:00:00Z"));
        Clock jumping = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wall.get();
            }
        };
        RateLimitTracker t = new RateLimitTracker(jumping);
        AdaptiveThrottle th = new AdaptiveThrottle(t, ThrottlePolicy.DEFAULTS, nanos::get);
        t.record(20);
        Duration before = th.interval();
        wall.set(wall.get().plus(Duration.ofHours(3)));         // NTP step forward: a naive estimate would refill
        assertThat(th.interval()).isEqualTo(before).isEqualTo(Duration.ofSeconds(8));
        wall.set(wall.get().minus(Duration.ofHours(6)));        // and backward
        assertThat(th.interval()).isEqualTo(before);
    }

    @Test
    void anOldReading_isAgedByTheRefill_soAnIdleClientIsNotSlowedByStaleNews() {
        tracker.record(0);
        advance(Duration.ofMinutes(1).plusSeconds(80));         // a minute of grace, then 80 s × 1.25 = 100 refilled
        assertThat(throttle.interval()).isZero();
    }

    @Test
    void tenIndependentThrottles_onOneAccount_settleOnTheFairShare() {
        // A tiny GCRA account shared by 10 throttles, each its own client, stepped in simulated time (0.1 s).
        double bucket = 0;
        long[] next = new long[10];
        long[] calls = new long[10];
        AtomicLong clock = new AtomicLong();
        RateLimitTracker[] trackers = new RateLimitTracker[10];
        AdaptiveThrottle[] throttles = new AdaptiveThrottle[10];
        for (int i = 0; i < 10; i++) {
            trackers[i] = new RateLimitTracker();
            throttles[i] = new AdaptiveThrottle(trackers[i], ThrottlePolicy.DEFAULTS, clock::get);
            trackers[i].record(0);
            next[i] = throttles[i].reserve().toNanos();
        }
        long limited = 0;
        long step = 100_000_000L;
        for (long t = 0; t < Duration.ofMinutes(30).toNanos(); t += step) {
            clock.set(t);
            bucket = Math.min(4500, bucket + 0.125);
            for (int i = 0; i < 10; i++) {
                if (t >= next[i]) {
                    if (bucket >= 1) {
                        bucket -= 1;
                        calls[i]++;
                        trackers[i].record((int) bucket);
                    } else {
                        limited++;
                        trackers[i].record(0);
                        throttles[i].onLimited(Duration.ofSeconds(1));
                    }
                    next[i] = t + throttles[i].reserve().toNanos();
                }
            }
        }
        long total = java.util.Arrays.stream(calls).sum();
        assertThat(total).isBetween(2150L, 2260L);             // 1.25/s for 30 min, all of it used
        assertThat(limited).isLessThanOrEqualTo(total / 100);  // at most 1 % met a 429
        for (long c : calls) {
            assertThat(c).isBetween(total / 10 - 40, total / 10 + 40);
        }
    }
}
