package dev.heroku4j.bench.throttle;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.error.HerokuException;
import dev.heroku4j.client.error.HerokuRateLimitException;
import dev.heroku4j.client.ratelimit.ThrottlePolicy;
import dev.heroku4j.client.ratelimit.shared.PostgresBucketStore;
import dev.heroku4j.client.ratelimit.shared.RedisBucketStore;
import dev.heroku4j.client.ratelimit.shared.SharedThrottleSettings;
import dev.heroku4j.client.ratelimit.shared.SharedThrottles;
import dev.heroku4j.client.retry.RetrySettings;
import io.lettuce.core.RedisClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * One process of the throttle figure: for each {@code contender:threads} argument, that many clients (one
 * {@code HerokuClient} each, on a thread of its own) calling {@code appInfo} in a loop against {@link GcraServer}.
 * Driven over stdin/stdout by {@link ThrottleFigure}: {@code STEADY <seconds>} (accounts {@code empty-<contender>}),
 * then {@code CLEAR <contender>} (fresh clients of that contender, account {@code clear-<contender>}, each client
 * until Heroku says fewer than 10 are left; one contender at a time, so that CPU-bound clients do not slow the others); one {@code CLIENT} line per client and phase, then {@code DONE}. {@code ALONE <calls> <rounds>}: one
 * client, a full bucket, throttle off and on alternately (the cost of the throttle to a client alone).
 *
 * <pre>ThrottleWorker serverUrl redisUri jdbcUrl process contender:threads...</pre>
 */
public final class ThrottleWorker {

    private final String url;
    private final String process;
    private final RedisClient redis;
    private final HikariDataSource postgres;

    private ThrottleWorker(String url, String redisUri, String jdbcUrl, String process) {
        this.url = url;
        this.process = process;
        this.redis = RedisClient.create(redisUri);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setMaximumPoolSize(10);
        hikari.setConnectionTimeout(2000);
        this.postgres = new HikariDataSource(hikari);
    }

    public static void main(String[] args) throws Exception {
        ThrottleWorker w = new ThrottleWorker(args[0], args[1], args[2], args[3]);
        List<String[]> specs = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            specs.add(args[i].split(":"));
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        System.out.println("READY");
        for (String line; (line = in.readLine()) != null; ) {
            String[] cmd = line.trim().split(" ");
            switch (cmd[0]) {
                case "STEADY" -> w.phase("steady", "empty-", specs, Duration.ofSeconds(Long.parseLong(cmd[1])));
                case "CLEAR" -> w.phase("clear", "clear-",
                        specs.stream().filter(s -> s[0].equals(cmd[1])).toList(), null);
                case "ALONE" -> w.alone(Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2]));
                case "QUIT" -> {
                    w.redis.shutdown();
                    w.postgres.close();
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown command " + line);
            }
            System.out.println("DONE");
        }
    }

    /** Every client of every contender at once; {@code duration} null: each until fewer than 10 are left. */
    private void phase(String phase, String keyPrefix, List<String[]> specs, Duration duration) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(specs.stream().mapToInt(s -> Integer.parseInt(s[1])).sum());
        long[] start = new long[1];
        CountDownLatch go = new CountDownLatch(1);
        for (String[] spec : specs) {
            String contender = spec[0];
            for (int t = 0; t < Integer.parseInt(spec[1]); t++) {
                int index = t;
                threads.add(started(() -> {
                    MeteredConnector meter = new MeteredConnector(new ReactorClientHttpConnector());
                    HerokuClient client = client(contender, keyPrefix + contender, meter);
                    RubyStrategy ruby = contender.equals("ruby") ? new RubyStrategy(1.0) : null;
                    client.reactive().prepare();
                    long failed = 0;
                    ready.countDown();
                    try {
                        go.await();
                        long end = duration == null ? Long.MAX_VALUE : start[0] + duration.toNanos();
                        while (System.nanoTime() < end) {
                            try {
                                if (ruby != null) {
                                    ruby.call(() -> client.app().appInfo("example"),
                                            () -> client.rateLimitTracker().remaining().orElse(0));
                                } else {
                                    client.app().appInfo("example");
                                }
                            } catch (HerokuRateLimitException e) {
                                failed++;
                            } catch (HerokuException e) {
                                failed++;
                            }
                            if (duration == null && meter.lastRemaining() >= 0 && meter.lastRemaining() < 10) {
                                break;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    long elapsedMs = (System.nanoTime() - start[0]) / 1_000_000;
                    lines.add(String.format(Locale.ROOT, "CLIENT %s %s %s %d %d %d %d %.3f %d", phase, contender,
                            process, index, meter.requests(), meter.limited(), failed, meter.maxSleepSeconds(),
                            elapsedMs));
                    client.rateLimitThrottle().ifPresent(th -> th.close());
                }));
            }
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        lines.forEach(System.out::println);
    }

    private static Thread started(Runnable body) {
        Thread t = new Thread(body);
        t.start();
        return t;
    }

    /** The cost of the local throttle to one client alone: µs per call, throttle off and on, alternating. */
    private void alone(int calls, int rounds) {
        for (int r = 0; r < rounds; r++) {
            for (String contender : List.of("retry-only", "local")) {
                HerokuClient client = client(contender, "full-alone-" + contender + "-" + process + "-" + r,
                        new MeteredConnector(new ReactorClientHttpConnector()));
                client.reactive().prepare();
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    client.app().appInfo("example");
                }
                long us = (System.nanoTime() - t0) / 1000 / calls;
                System.out.printf(Locale.ROOT, "ALONE %s %d %d%n", contender, r, us);
            }
        }
    }

    private HerokuClient client(String contender, String key, MeteredConnector meter) {
        HerokuClientBuilder<HerokuClient> b = HerokuClient.builder().apiKey(key).baseUrl(url).clientConnector(meter);
        SharedThrottleSettings shared = SharedThrottleSettings.DEFAULTS;
        return switch (contender) {
            case "retry-only" -> b.rateLimitThrottle(false).build();       // the local throttle is on by default
            case "local", "local-50" -> b.rateLimitThrottle(ThrottlePolicy.DEFAULTS).build();
            case "shared-redis" -> b.rateLimitThrottle(SharedThrottles.on(
                    () -> RedisBucketStore.of(redis, RedisBucketStore.DEFAULT_PREFIX, shared.storeTimeout()), shared)).build();
            case "shared-postgresql" -> b.rateLimitThrottle(SharedThrottles.on(
                    () -> new PostgresBucketStore(postgres, PostgresBucketStore.DEFAULT_TABLE, shared.storeTimeout()),
                    shared)).build();
            case "ruby" -> b.retry(RetrySettings.disabled()).rateLimitThrottle(false).build();   // RubyStrategy alone
            default -> throw new IllegalArgumentException("unknown contender " + contender);
        };
    }
}
