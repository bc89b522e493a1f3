package dev.heroku4j.client.ratelimit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.testsupport.LocalStores;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A wall-clock jump, forward and back, as Bucket4j's refill sees it, on a real redis-server and a real PostgreSQL.
 * Bucket4j's distributed buckets take the time from the JVM touching the bucket (its wall clock, unless a client clock
 * is given), not from the store; the stores give it a {@link SteadyClock}. The jumping wall clock is the real one plus
 * an offset the test moves. The first two tests show what the jump does with the wall clock taken as it is (Bucket4j's
 * default), so that the others can tell the difference.
 */
class SharedThrottleClockJumpTest {

    static LocalStores local;

    static final SharedThrottleSettings FAST = SharedThrottleSettings.DEFAULTS.withStoreTimeout(Duration.ofMillis(400))
            .withRetryStoreAfter(Duration.ofMillis(200));
    static final Duration TOKEN = Duration.ofMillis(800);        // Heroku's refill: 1.25 a second
    static final Duration PROMPT = Duration.ofMillis(300);

    /** The JVM's wall clock as the test moves it: the real one plus an offset. */
    static final class JumpingWall implements LongSupplier {
        private final Clock utc = Clock.systemUTC();
        private final AtomicLong offset = new AtomicLong();

        @Override
        public long getAsLong() {
            Instant now = utc.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano() + offset.get();
        }

        void jump(Duration by) {
            offset.addAndGet(by.toNanos());
        }
    }

    /** The wall clock as it is, as Bucket4j reads it without a client clock. */
    static TimeMeter asItIs(JumpingWall wall) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return wall.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @BeforeAll
    static void start() throws Exception {
        local = LocalStores.started(8);
    }

    @AfterAll
    static void stop() throws Exception {                     // null-safe: a failed start leaves no server behind
        if (local != null) {
            local.close();
        }
    }

    static Stream<Arguments> stores() {
        Function<TimeMeter, AccountBucketStore> r = clock -> RedisBucketStore.of(local.redisClient,
                RedisBucketStore.DEFAULT_PREFIX, FAST.storeTimeout(), clock);
        Function<TimeMeter, AccountBucketStore> p = clock -> new PostgresBucketStore(local.dataSource,
                PostgresBucketStore.DEFAULT_TABLE, FAST.storeTimeout(), clock);
        return Stream.of(Arguments.of("redis", r), Arguments.of("postgresql", p));
    }

    private static AccountBucket bucket(Function<TimeMeter, AccountBucketStore> store, TimeMeter clock, long tokens) {
        return store.apply(clock).bucket(AccountHash.of("key-" + UUID.randomUUID()), FAST, () -> tokens);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void withTheWallClockAsItIs_aJumpForwardFillsTheBucket_andAJumpBackStopsItsRefill(String name,
            Function<TimeMeter, AccountBucketStore> store) throws Exception {
        JumpingWall wall = new JumpingWall();
        AccountBucket forward = bucket(store, asItIs(wall), 5);
        assertThat(forward.reserve()).isZero();
        wall.jump(Duration.ofHours(1));
        assertThat(forward.available()).isEqualTo(FAST.capacity() - FAST.margin());   // 4,490 the account has not

        AccountBucket back = bucket(store, asItIs(wall), 0);
        assertThat(back.reserve()).isPositive();                       // one owed
        wall.jump(Duration.ofHours(-1));
        Thread.sleep(2 * TOKEN.toMillis());
        assertThat(back.available()).isEqualTo(-1);                    // two tokens' time, nothing refilled
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void withTheSteadyClock_aJumpForwardRefillsOnlyWhatTheTimeThatPassedRefills(String name,
            Function<TimeMeter, AccountBucketStore> store) throws Exception {
        JumpingWall wall = new JumpingWall();
        SteadyClock clock = new SteadyClock(wall, System::nanoTime);
        AccountBucket bucket = bucket(store, clock, 5);
        long t0 = System.nanoTime();
        assertThat(bucket.reserve()).isZero();
        wall.jump(Duration.ofHours(1));
        long available = bucket.available();
        assertThat(available).isLessThanOrEqualTo(4 + refilledSince(t0));
        assertThat(clock.jumps()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void withTheSteadyClock_aJumpBackLeavesTheRefillGoing(String name, Function<TimeMeter, AccountBucketStore> store)
            throws Exception {
        JumpingWall wall = new JumpingWall();
        SteadyClock clock = new SteadyClock(wall, System::nanoTime);
        AccountBucket bucket = bucket(store, clock, 0);
        assertThat(Duration.ofNanos(bucket.reserve())).isBetween(Duration.ofMillis(700), TOKEN);
        wall.jump(Duration.ofHours(-1));
        Thread.sleep(2 * TOKEN.toMillis());
        assertThat(bucket.available()).isBetween(0L, 2L);             // one owed, two refilled (the clock went on)
        assertThat(clock.jumps()).isEqualTo(1);
    }

    /**
     * Two instances of one account, one of them with a jumping clock: after it jumps an hour ahead, the calls that go at
     * once are the tokens there were (no over-draw), the others wait their turn at Heroku's refill; after it jumps two
     * hours back, every call still goes within its turn (no stall): the k-th call waiting on the refill waits about k
     * tokens' time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void twoInstances_oneClockJumpingForwardThenBack_neitherOverDrawNorStall(String name,
            Function<TimeMeter, AccountBucketStore> store) {
        String key = "key-" + UUID.randomUUID();
        JumpingWall wall = new JumpingWall();
        SteadyClock jumping = new SteadyClock(wall, System::nanoTime);
        RateLimitTracker a = new RateLimitTracker();
        RateLimitTracker b = new RateLimitTracker();
        a.record(14);                                            // 14 left at Heroku, margin 10: 4 tokens
        b.record(14);
        SharedThrottle first = new SharedThrottle(store.apply(jumping), FAST, a, () -> ApiKey.of(key, "test"));
        SharedThrottle second = new SharedThrottle(store.apply(SteadyClock.system()), FAST, b,
                () -> ApiKey.of(key, "test"));
        first.acquire().block();                                 // both connected: 2 tokens left
        second.acquire().block();

        wall.jump(Duration.ofHours(1));
        List<Duration> waits = concurrently(6, first, second);
        assertThat(waits.stream().filter(w -> w.compareTo(PROMPT) < 0).count())
                .as("calls that went at once, after the jump forward: %s", waits)
                .isLessThanOrEqualTo(3);                         // the 2 tokens, and 1 refilled since at most
        assertThat(waits.get(waits.size() - 1)).as("the last call's wait").isLessThan(TOKEN.multipliedBy(4).plusSeconds(1));

        wall.jump(Duration.ofHours(-2));
        waits = concurrently(6, first, second);
        assertThat(waits.get(waits.size() - 1)).as("the last call's wait after the jump back: %s", waits)
                .isLessThan(TOKEN.multipliedBy(6).plusSeconds(1));
        assertThat(waits.get(waits.size() - 1)).isGreaterThan(TOKEN.multipliedBy(4));   // paced, not let through
        assertThat(jumping.jumps()).isEqualTo(2);
        assertThat(first.stats().active()).isEqualTo("shared-" + name);
        assertThat(second.stats().active()).isEqualTo("shared-" + name);
        first.close();
        second.close();
    }

    /** Tokens Heroku's refill gives from {@code t0} to now, rounded up. */
    private static long refilledSince(long t0) {
        return (long) Math.ceil((System.nanoTime() - t0) / (double) TOKEN.toNanos());
    }

    /** {@code n} acquires at once, alternating between the throttles: how long each took, sorted. */
    private static List<Duration> concurrently(int n, SharedThrottle... throttles) {
        return Flux.fromStream(IntStream.range(0, n).boxed())
                .flatMap(i -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return throttles[i % throttles.length].acquire()
                            .then(Mono.fromCallable(() -> Duration.ofNanos(System.nanoTime() - t0)));
                }), n)
                .collectSortedList()
                .block(Duration.ofSeconds(30));
    }
}
