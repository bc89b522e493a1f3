package dev.heroku4j.client.ratelimit.shared;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.ratelimit.AdaptiveThrottle;
import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.ratelimit.Throttle;
import dev.heroku4j.client.ratelimit.ThrottleStats;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The shared throttle: every instance of the account takes a token from one Bucket4j bucket (Redis or PostgreSQL)
 * before each attempt, so together they never draw faster than Heroku refills.
 *
 * <p>Model: the bucket is Heroku's (4,500, refilled at 1.25/s) less a {@code margin}; it is created from Heroku's
 * latest reading, and every reading corrects it: down when Heroku has less than the bucket (other tools on the
 * account), up when the bucket is idle and holds far less than Heroku says (a store that lost its data). A caller
 * with no token left queues behind the others (a reservation), so the wait is fair and first come, first served.
 *
 * <p>If the store does not answer within {@code storeTimeout} the client goes on with its {@link AdaptiveThrottle}
 * (always fed, so warm; the first answer, which opens the connection, may take 10 s longer), says so once (a warning, {@link ThrottleStats#storeUp()} false), tries the store again
 * after {@code retryStoreAfter}, and says once when it is back. The store is only asked for a delay: a call is
 * never lost, sent twice or held for an unreachable store longer than {@code storeTimeout}.
 */
public final class SharedThrottle implements Throttle {

    private static final Logger log = LoggerFactory.getLogger(SharedThrottle.class);
    /** The first answer also opens the connection (and PostgreSQL's table): in a cold JVM on a busy machine, seconds. */
    private static final Duration FIRST_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final AccountBucketStore store;
    private final SharedThrottleSettings settings;
    private final RateLimitTracker tracker;
    private final Supplier<ApiKey> apiKeys;
    private final AdaptiveThrottle local;
    private final String kind;
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicBoolean correcting = new AtomicBoolean();
    private volatile @Nullable AccountBucket bucket;
    private volatile boolean storeUp = true;
    private volatile boolean answered;
    private volatile long retryStoreAtNanos;
    private volatile Duration lastDelay = Duration.ZERO;

    public SharedThrottle(AccountBucketStore store, SharedThrottleSettings settings, RateLimitTracker tracker,
                          Supplier<ApiKey> apiKeys) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.local = new AdaptiveThrottle(tracker, settings.fallback());
        this.kind = "shared-" + store.name();
        tracker.onSnapshot(this::onReading);
    }

    @Override
    public Mono<Void> acquire() {
        if (!storeUp && System.nanoTime() < retryStoreAtNanos) {
            return localAcquire();
        }
        return Mono.fromCallable(() -> bucket().reserve())
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(answered ? settings.storeTimeout() : FIRST_ANSWER_TIMEOUT.plus(settings.storeTimeout()))
                .doOnNext(wait -> storeAnswered())
                .flatMap(wait -> {
                    Duration delay = Duration.ofNanos(Math.max(0, wait));
                    lastDelay = delay;
                    if (delay.isZero()) {
                        return Mono.<Void>empty();
                    }
                    delayed.incrementAndGet();
                    return Mono.delay(delay).then();
                })
                .onErrorResume(e -> {
                    storeFailed(e);
                    return localAcquire();
                });
    }

    private Mono<Void> localAcquire() {
        Duration delay = local.reserve();
        lastDelay = delay;
        if (delay.isZero()) {
            return Mono.empty();
        }
        delayed.incrementAndGet();
        return Mono.delay(delay).then();
    }

    private AccountBucket bucket() {
        AccountBucket b = bucket;
        if (b == null) {
            b = store.bucket(AccountHash.of(apiKeys.get().value()), settings, this::initialTokens);
            bucket = b;
        }
        return b;
    }

    /** Heroku's latest reading less the margin (0 before any): a new bucket holds what Heroku has, not more. */
    private long initialTokens() {
        return tracker.remaining().isPresent() ? Math.max(0, tracker.remaining().getAsInt() - settings.margin()) : 0;
    }

    private void onReading(RateLimitSnapshot reading) {
        if (!storeUp || bucket == null || !correcting.compareAndSet(false, true)) {
            return;
        }
        Schedulers.boundedElastic().schedule(() -> {
            try {
                correct(tracker.remaining().orElse(reading.remaining()));
            } catch (RuntimeException e) {
                storeFailed(e);
            } finally {
                correcting.set(false);
            }
        });
    }

    /** Brings the bucket in line with a reading of Heroku's quota. */
    void correct(int remaining) {
        AccountBucket b = bucket;
        if (b == null) {
            return;
        }
        long target = remaining - settings.margin();
        long available = b.available();
        if (available > target) {
            b.take(available - target);
        } else if (available >= 0 && target - available > settings.upwardSlack()) {
            b.give(target - available);
        }
    }

    @Override
    public void onLimited(@Nullable Duration retryAfter) {
        limited.incrementAndGet();
        local.onLimited(retryAfter);
    }

    @Override
    public boolean needsProbe() {
        return local.needsProbe();
    }

    private void storeAnswered() {
        answered = true;
        if (!storeUp) {
            storeUp = true;
            log.info("Heroku rate-limit store {} answers again: back on the {} throttle", store.name(), kind);
        }
    }

    private void storeFailed(Throwable e) {
        retryStoreAtNanos = System.nanoTime() + settings.retryStoreAfter().toNanos();
        if (storeUp) {
            storeUp = false;
            log.warn("Heroku rate-limit store {} is unreachable ({}): pacing with the local throttle until it answers",
                    store.name(), e.toString());
        }
    }

    @Override
    public ThrottleStats stats() {
        return new ThrottleStats(kind, storeUp ? kind : "local", lastDelay, delayed.get(), limited.get(), storeUp);
    }

    /** The local throttle used while the store is unreachable. */
    public AdaptiveThrottle local() {
        return local;
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "SharedThrottle[" + kind + ", " + settings + "]";
    }
}
