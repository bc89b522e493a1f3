package dev.heroku4j.client.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The local throttle: paces one client from what Heroku tells it, with no coordination between instances.
 *
 * <p>Model: Heroku's quota is one GCRA bucket per account (4,500, refilled at 1.25/s) that every instance draws
 * from, and every response says how much is left ({@code RateLimit-Remaining}). Below {@code threshold} the client
 * keeps its calls at least {@code interval = maxInterval × crowding × (1 − remaining / threshold)} apart. The
 * interval depends on the account's remaining quota, which all instances see alike, so independent instances pick
 * the same interval and share the quota evenly; N instances settle where N / interval = 1.25/s, which is above an
 * empty bucket for N × 0.8 s &lt; maxInterval × crowding. {@code crowding} (1 to 8) is AIMD on the client's pace:
 * a 429 halves it (crowding doubles, at most once a second), and it recovers additively with time (its inverse gains
 * 1/1200 a second: slowly next to the calls, so a crowd settles above an empty bucket between 429s), so more instances than {@code maxInterval} can pace learn to wait longer, and instances that met
 * different numbers of 429s still converge on one pace (additive increase, multiplicative decrease is fair). Above the
 * threshold there is no delay at all, so a client alone pays nothing.
 *
 * <p>Time between calls is measured on a monotonic clock ({@code System.nanoTime}), so a jump of the wall clock
 * changes nothing. A reading older than a minute is aged by the refill rate (an idle client's view refills).
 */
public final class AdaptiveThrottle implements Throttle {

    private static final double MAX_CROWDING = 8;
    private static final long AGE_AFTER_NANOS = Duration.ofMinutes(1).toNanos();
    private static final double RECOVERY_PER_SECOND = 1 / 1200.0;
    private static final long DOUBLING_GAP_NANOS = Duration.ofSeconds(1).toNanos();

    private final ThrottlePolicy policy;
    private final LongSupplier nanoTime;
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();

    // guarded by this
    private double remaining = -1;
    private long readAtNanos;
    private long nextSlotNanos;
    private boolean slotted;
    private double crowding = 1;
    private long crowdingAtNanos;
    private long doubledAtNanos = Long.MIN_VALUE / 2;
    private volatile Duration lastDelay = Duration.ZERO;

    public AdaptiveThrottle(RateLimitTracker tracker, ThrottlePolicy policy) {
        this(tracker, policy, System::nanoTime);
    }

    /** With a given monotonic clock (tests). */
    public AdaptiveThrottle(RateLimitTracker tracker, ThrottlePolicy policy, LongSupplier nanoTime) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        tracker.current().ifPresent(s -> onReading(s.remaining()));
        tracker.onRemaining(this::onReading);
    }

    @Override
    public Mono<Void> acquire() {
        Duration delay = reserve();
        return delay.isZero() ? Mono.empty() : Mono.delay(delay).then();
    }

    /** Takes the next slot and says how long to wait for it. */
    public Duration reserve() {
        Duration delay;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long interval = intervalNanos(now);
            long slot;
            if (interval == 0) {
                slot = now;
            } else if (!slotted) {
                // the first paced call of this client: a random phase, so instances started together spread out
                slot = now + (long) (interval * ThreadLocalRandom.current().nextDouble());
            } else {
                slot = Math.max(now, nextSlotNanos + interval);
            }
            slot = Math.max(slot, slotted ? nextSlotNanos : slot);
            nextSlotNanos = slot;
            slotted = true;
            delay = Duration.ofNanos(slot - now);
        }
        if (!delay.isZero()) {
            delayed.incrementAndGet();
        }
        lastDelay = delay;
        return delay;
    }

    /** The interval between calls now, from the latest reading (zero before any). */
    public synchronized Duration interval() {
        return Duration.ofNanos(intervalNanos(nanoTime.getAsLong()));
    }

    private long intervalNanos(long now) {
        if (remaining < 0) {
            return 0;
        }
        double estimate = remaining;
        long age = now - readAtNanos;
        if (age > AGE_AFTER_NANOS) {
            estimate = Math.min(ThrottlePolicy.QUOTA, estimate + (age - AGE_AFTER_NANOS) / 1e9 * ThrottlePolicy.REFILL_PER_SECOND);
        }
        if (estimate >= policy.threshold()) {
            return 0;
        }
        double share = 1 - Math.max(0, estimate) / policy.threshold();
        return Math.round(policy.maxInterval().toNanos() * crowding * share);
    }

    private synchronized void onReading(int value) {
        remaining = Math.max(0, value);
        readAtNanos = nanoTime.getAsLong();
        recover(readAtNanos);
    }

    /** Additive increase of the pace (1 / crowding) with time. */
    private void recover(long now) {
        if (crowding > 1) {
            double pace = 1 / crowding + (now - crowdingAtNanos) / 1e9 * RECOVERY_PER_SECOND;
            crowding = pace >= 1 ? 1 : 1 / pace;
        }
        crowdingAtNanos = now;
    }

    @Override
    public void onLimited(@Nullable Duration retryAfter) {
        limited.incrementAndGet();
        synchronized (this) {
            long now = nanoTime.getAsLong();
            recover(now);
            if (now - doubledAtNanos >= DOUBLING_GAP_NANOS) {   // one burst of concurrent 429s is one signal
                crowding = Math.min(MAX_CROWDING, crowding * 2);
                doubledAtNanos = now;
            }
            remaining = 0;
            readAtNanos = now;
            if (retryAfter != null && !retryAfter.isNegative()) {
                nextSlotNanos = Math.max(nextSlotNanos, readAtNanos + retryAfter.toNanos());
                slotted = true;
            }
        }
    }

    /** The crowding factor (1 to 8) learnt from 429s. */
    public synchronized double crowding() {
        return crowding;
    }

    @Override
    public synchronized boolean needsProbe() {
        return policy.probe() && remaining < 0;
    }

    @Override
    public ThrottleStats stats() {
        return new ThrottleStats("local", "local", lastDelay, delayed.get(), limited.get(), null);
    }

    @Override
    public String toString() {
        return "AdaptiveThrottle" + policy;
    }
}
