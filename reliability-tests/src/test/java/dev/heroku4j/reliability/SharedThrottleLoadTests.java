package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.ratelimit.shared.AccountBucketStore;
import dev.heroku4j.client.ratelimit.shared.PostgresBucketStore;
import dev.heroku4j.client.ratelimit.shared.RedisBucketStore;
import dev.heroku4j.client.ratelimit.shared.SharedThrottleSettings;
import dev.heroku4j.client.ratelimit.shared.SharedThrottles;
import dev.heroku4j.client.testsupport.LocalPostgres;
import dev.heroku4j.client.testsupport.LocalRedis;
import dev.heroku4j.reliability.support.Secrets;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.journal.JournalEntry;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 1,000 concurrent {@code appCreate} calls (unique names) across 4 client instances that share one throttle store
 * (a real redis-server, then a real PostgreSQL), against a simulator whose budget is 600, refilled at 50 a second.
 * The instances draw from one bucket, so they wait for the refill instead of running into 429s together. Expected:
 * every call succeeds exactly once, the simulator's journal holds exactly one accepted POST per name and nothing
 * else: 0 lost, 0 duplicated, 0 refused.
 */
@Timeout(120)
class SharedThrottleLoadTests {

    static final int CALLS = 1000;
    static final int INSTANCES = 4;
    static final int BUDGET = 600;
    static final int REFILL_PER_MINUTE = 3000;
    // A store timeout of 2 s, not 500 ms: 1,000 reservations at once on a busy 2-core machine queue for the store
    // longer than 500 ms, and each timeout hands that call to the local throttle (by design, tested in
    // SharedThrottleTest), whose instances do not share a count and can meet a few 429s; this test is about the
    // shared bucket's accounting.
    static final SharedThrottleSettings SETTINGS = SharedThrottleSettings.DEFAULTS.withQuota(BUDGET, REFILL_PER_MINUTE)
            .withStoreTimeout(Duration.ofSeconds(2));

    @Test
    void redis_thousandCreatesAcrossFourInstances_noneLostNoneDuplicatedNoneRefused() throws Exception {
        try (LocalRedis redis = LocalRedis.started()) {
            RedisClient client = RedisClient.create(redis.uri());
            try {
                run("redis", () -> RedisBucketStore.of(client, RedisBucketStore.DEFAULT_PREFIX, SETTINGS.storeTimeout()));
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void postgres_thousandCreatesAcrossFourInstances_noneLostNoneDuplicatedNoneRefused() throws Exception {
        try (LocalPostgres pg = LocalPostgres.started(); HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(pg.jdbcUrl());
            ds.setMaximumPoolSize(8);
            run("postgresql", () -> new PostgresBucketStore(ds, PostgresBucketStore.DEFAULT_TABLE, SETTINGS.storeTimeout()));
        }
    }

    private static void run(String store, Supplier<AccountBucketStore> stores) {
        try (HerokuSimulator sim = HerokuSimulator.builder().rateLimit(BUDGET).refillPerMinute(REFILL_PER_MINUTE).start()) {
            List<ReactiveHerokuClient> instances = IntStream.range(0, INSTANCES)
                    .mapToObj(i -> ReactiveHerokuClient.builder().apiKey(Secrets.KEY).baseUrl(sim.baseUrl())
                            .rateLimitThrottle(SharedThrottles.on(stores, SETTINGS)).build())
                    .toList();
            Map<String, String> outcome = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            Flux.range(0, CALLS)
                    .flatMap(i -> {
                        String name = "shared-" + i;
                        return instances.get(i % INSTANCES).app().appCreate(new AppCreateOpts().name(name))
                                .map(app -> name.equals(app.getName()) ? "ok" : "wrong app " + app.getName())
                                .onErrorResume(e -> Mono.just(e.toString()))
                                .doOnNext(result -> {
                                    if (outcome.put(name, result) != null) {
                                        outcome.put(name, "completed twice");
                                    }
                                });
                    }, CALLS)
                    .blockLast(Duration.ofSeconds(100));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            Map<String, Long> counts = outcome.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            List<JournalEntry> posts = sim.journal().entries("POST", "/apps");
            Map<Integer, Long> byStatus = posts.stream().collect(Collectors.groupingBy(JournalEntry::status,
                    Collectors.counting()));
            System.out.printf("[shared-load %s] %d calls across %d instances in %d ms: %s; POSTs by status %s%n",
                    store, CALLS, INSTANCES, took.toMillis(), counts, byStatus);

            assertThat(outcome).hasSize(CALLS);                          // none lost
            assertThat(counts).containsOnlyKeys("ok");                   // every one succeeded, once
            assertThat(posts).hasSize(CALLS);                            // one POST per call: none duplicated...
            assertThat(byStatus).containsOnlyKeys(201);                  // ...and none refused
            instances.forEach(c -> c.rateLimitThrottle().ifPresent(t -> t.close()));
        }
    }
}
