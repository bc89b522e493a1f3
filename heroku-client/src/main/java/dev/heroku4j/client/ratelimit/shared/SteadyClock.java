package dev.heroku4j.client.ratelimit.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.github.bucket4j.TimeMeter;

/**
 * The time Bucket4j refills a shared bucket by: the wall clock, but only as far as the monotonic clock says time
 * has passed. Bucket4j's distributed buckets take the time from the JVM that touches the bucket
 * ({@code System.currentTimeMillis()} unless a client clock is given), so a wall-clock jump on one instance would
 * reach every instance through the bucket: forward, it refills the bucket to full at once (instances over-draw the
 * account); back, the bucket stops refilling until the wall clock is where it was (calls stall). This clock follows
 * the wall clock while it moves with the monotonic one (NTP slewing, within {@link #TOLERANCE_PPM}), so instances
 * keep agreeing on the time, and steps over a jump by the monotonic time elapsed instead. It never goes back.
 *
 * <p>An instance whose clock was wrong from the start stays as wrong as it was (the store's bucket is then corrected
 * by Heroku's readings, as before). A suspended machine's monotonic clock stops, so the bucket is refilled too little
 * over the pause: a slower pace, never an over-draw; Heroku's next readings give the tokens back.
 */
public final class SteadyClock implements TimeMeter {

    /** How far the wall clock may run from the monotonic one and still be followed: above NTP's 500 ppm slew. */
    public static final long TOLERANCE_PPM = 1_000;
    /** Plus this much per reading, for the wall clock's coarser resolution. */
    static final long TOLERANCE_NANOS = 5_000_000;

    private final LongSupplier wallNanos;
    private final LongSupplier monotonicNanos;

    // guarded by this
    private long time;
    private long lastWall;
    private long lastMonotonic;
    private long jumps;

    /** On the system's wall clock and {@code System.nanoTime}. */
    public static SteadyClock system() {
        Clock utc = Clock.systemUTC();
        return new SteadyClock(() -> nanos(utc.instant()), System::nanoTime);
    }

    /** On the given clocks (tests), both in nanoseconds: the wall one since the epoch. */
    public SteadyClock(LongSupplier wallNanos, LongSupplier monotonicNanos) {
        this.wallNanos = Objects.requireNonNull(wallNanos, "wallNanos");
        this.monotonicNanos = Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        this.lastWall = wallNanos.getAsLong();
        this.lastMonotonic = monotonicNanos.getAsLong();
        this.time = lastWall;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public synchronized long currentTimeNanos() {
        long wall = wallNanos.getAsLong();
        long monotonic = monotonicNanos.getAsLong();
        long elapsed = Math.max(0, monotonic - lastMonotonic);
        long wallElapsed = wall - lastWall;
        long tolerance = TOLERANCE_NANOS + elapsed / 1_000_000 * TOLERANCE_PPM;
        long step;
        if (Math.abs(wallElapsed - elapsed) <= tolerance) {
            step = wallElapsed;                           // the wall clock, slewed or not
        } else {
            step = elapsed;                               // a jump: step over it by the time that really passed
            jumps++;
        }
        time += Math.max(0, step);
        lastWall = wall;
        lastMonotonic = monotonic;
        return time;
    }

    /** How many wall-clock jumps this clock has stepped over. */
    public synchronized long jumps() {
        return jumps;
    }

    @Override
    public boolean isWallClockBased() {
        return true;                                      // agrees with the other instances' clocks, as Bucket4j needs
    }

    @Override
    public String toString() {
        return "SteadyClock[jumps=" + jumps() + "]";
    }
}
