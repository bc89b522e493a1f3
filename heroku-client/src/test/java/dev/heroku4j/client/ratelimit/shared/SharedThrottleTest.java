package dev.heroku4j.client.ratelimit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.testsupport.LocalStores;
import dev.heroku4j.client.testsupport.LogCapture;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared throttle against a real redis-server and a real PostgreSQL, started here (no mocks, no images). */
class SharedThrottleTest {

    static LocalStores local;

    static final SharedThrottleSettings FAST = SharedThrottleSettings.DEFAULTS.withStoreTimeout(Duration.ofMillis(400))
            .withRetryStoreAfter(Duration.ofMillis(200));

    @BeforeAll
    static void start() throws Exception {
        local = LocalStores.started(4);
    }

    @AfterAll
    static void stop() throws Exception {                     // null-safe: a failed start leaves no server behind
        if (local != null) {
            local.close();
        }
    }

    static Stream<Arguments> stores() {
        Supplier<AccountBucketStore> r = () -> RedisBucketStore.of(local.redisClient, RedisBucketStore.DEFAULT_PREFIX,
                FAST.storeTimeout());
        Supplier<AccountBucketStore> p = () -> new PostgresBucketStore(local.dataSource, PostgresBucketStore.DEFAULT_TABLE,
                FAST.storeTimeout());
        return Stream.of(Arguments.of("redis", r), Arguments.of("postgresql", p));
    }

    private static SharedThrottle throttle(Supplier<AccountBucketStore> store, String key, RateLimitTracker tracker) {
        return new SharedThrottle(store.get(), FAST, tracker, () -> ApiKey.of(key, "test"));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void twoInstancesOfOneAccount_drawFromOneBucket_thatHoldsHerokusReadingLessTheMargin(String name,
            Supplier<AccountBucketStore> store) {
        String key = "key-" + UUID.randomUUID();
        RateLimitTracker a = new RateLimitTracker();
        RateLimitTracker b = new RateLimitTracker();
        a.record(15);                                            // 15 left at Heroku, margin 10: 5 tokens
        b.record(15);
        SharedThrottle first = throttle(store, key, a);
        SharedThrottle second = throttle(store, key, b);
        for (int i = 0; i < 3; i++) {
            first.acquire().block();
            second.acquire().block();
        }
        // 6 taken from 5: the sixth waited for the refill (0.8 s a token)
        long delayed = first.stats().delayed() + second.stats().delayed();
        assertThat(delayed).isEqualTo(1);
        assertThat(second.stats().currentDelay()).isBetween(Duration.ofMillis(300), Duration.ofMillis(900));
        assertThat(first.stats().active()).isEqualTo("shared-" + name);
        assertThat(first.stats().storeUp()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyReading_correctsTheBucket_downWhenHerokuHasLess(String name, Supplier<AccountBucketStore> store)
            throws Exception {
        String key = "key-" + UUID.randomUUID();
        RateLimitTracker tracker = new RateLimitTracker();
        tracker.record(1010);
        SharedThrottle throttle = throttle(store, key, tracker);
        throttle.acquire().block();                              // creates the bucket: 1,000, one taken
        AccountBucket bucket = store.get().bucket(AccountHash.of(key), FAST, () -> 0);
        assertThat(bucket.available()).isBetween(999L, 1000L);
        tracker.record(300);                                     // other tools used the quota
        await(() -> bucket.available() <= 291, "corrected down to 290");
        assertThat(bucket.available()).isBetween(289L, 291L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theStoreHoldsAHashOfTheKey_neverTheKey(String name, Supplier<AccountBucketStore> store) throws Exception {
        String key = "secret-" + UUID.randomUUID();
        RateLimitTracker tracker = new RateLimitTracker();
        tracker.record(4000);
        SharedThrottle throttle = throttle(store, key, tracker);
        throttle.acquire().block();
        assertThat(throttle.stats().storeUp()).isTrue();
        List<String> stored = new ArrayList<>();
        if (name.equals("redis")) {
            try (StatefulRedisConnection<String, String> c = local.redisClient.connect()) {
                stored.addAll(c.sync().keys("*"));
            }
            assertThat(stored).contains(RedisBucketStore.DEFAULT_PREFIX + AccountHash.of(key).hex());
        } else {
            try (Connection c = local.dataSource.getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT id FROM heroku4j_rate_limit")) {
                while (rs.next()) {
                    stored.add(String.valueOf(rs.getLong(1)));
                }
            }
            assertThat(stored).contains(String.valueOf(AccountHash.of(key).id()));
        }
        assertThat(String.join(" ", stored)).doesNotContain(key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theStoreKilledMidRun_pacesLocally_saysSoOnce_andGoesBackWhenItReturns(String name,
            Supplier<AccountBucketStore> store) throws Exception {
        String key = "key-" + UUID.randomUUID();
        RateLimitTracker tracker = new RateLimitTracker();
        tracker.record(4000);
        SharedThrottle throttle = throttle(store, key, tracker);
        try (LogCapture log = LogCapture.of(Level.INFO, SharedThrottle.class)) {
            throttle.acquire().block();
            assertThat(throttle.stats().storeUp()).isTrue();
            if (name.equals("redis")) {
                local.redis.kill();
            } else {
                local.postgres.kill();
            }
            for (int i = 0; i < 10; i++) {                       // every call still goes, none fails
                long t0 = System.nanoTime();
                throttle.acquire().block(Duration.ofSeconds(5));
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
            }
            assertThat(throttle.stats().storeUp()).isFalse();
            assertThat(throttle.stats().active()).isEqualTo("local");
            assertThat(log.events().stream().filter(e -> e.getLevel() == Level.WARN)).hasSize(1);
            if (name.equals("redis")) {
                local.redis.start();
            } else {
                local.postgres.start();
            }
            await(() -> {
                throttle.acquire().block(Duration.ofSeconds(5));
                return Boolean.TRUE.equals(throttle.stats().storeUp());
            }, "back on the store");
            assertThat(throttle.stats().active()).isEqualTo("shared-" + name);
            assertThat(log.events().stream().filter(e -> e.getLevel() == Level.WARN)).hasSize(1);
            assertThat(log.events().stream().filter(e -> e.getLevel() == Level.INFO
                    && e.getFormattedMessage().contains("answers again"))).hasSize(1);
        }
    }
}
