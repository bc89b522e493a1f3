package dev.heroku4j.bench.throttle;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.heroku4j.client.error.HerokuRateLimitException;

/**
 * The anchor: a re-implementation, written here from its published description only (the README of
 * zombocom/rate_throttle_client: "ExponentialIncreaseProportionalRemainingDecrease", multiplier 1.2, max limit 4,500,
 * starting sleep 1 s), of the strategy Heroku's Ruby client ships. Before every request the client sleeps its current
 * sleep value (plus up to 10 % jitter); a 429 multiplies the sleep value by 1.2 and the request is made again; a
 * success lowers it by a share proportional to the remaining quota: {@code sleep -= sleep × remaining / 4500}.
 * The published figures of the original remain the reference; this row shows the strategy on this machine and
 * server, measured exactly as the other rows.
 */
final class RubyStrategy {

    static final double MULTIPLIER = 1.2;
    static final double MAX_LIMIT = 4500;
    private static final double FLOOR_SECONDS = 0.01;

    private double sleepSeconds;

    RubyStrategy(double startingSleepSeconds) {
        this.sleepSeconds = startingSleepSeconds;
    }

    /** One call: sleeps, calls, and repeats on 429 until it succeeds. */
    <T> T call(Supplier<T> request, java.util.function.IntSupplier remaining) throws InterruptedException {
        while (true) {
            double jitter = sleepSeconds * 0.1 * ThreadLocalRandom.current().nextDouble();
            Thread.sleep((long) ((sleepSeconds + jitter) * 1000));
            try {
                T result = request.get();
                sleepSeconds -= sleepSeconds * Math.max(0, remaining.getAsInt()) / MAX_LIMIT;
                return result;
            } catch (HerokuRateLimitException e) {
                sleepSeconds = Math.max(FLOOR_SECONDS, sleepSeconds * MULTIPLIER);
            }
        }
    }
}
