package dev.heroku4j.client.ratelimit.shared;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * An account's bucket in any Bucket4j {@link ProxyManager}: Heroku's 4,500 tokens refilled greedily at 75 a minute
 * (1.25/s, as Heroku's GCRA; {@link SharedThrottleSettings#capacity()} and {@code refillPerMinute()} say so). When the store has no such bucket (first use, a store emptied by a restart) Bucket4j
 * makes one from {@link #configuration(long)}, with the initial tokens asked then.
 */
final class Bucket4jAccountBucket implements AccountBucket {

    private final BucketProxy bucket;

    <K> Bucket4jAccountBucket(ProxyManager<K> proxies, K key, SharedThrottleSettings settings,
                              LongSupplier initialTokens) {
        Objects.requireNonNull(initialTokens, "initialTokens");
        this.bucket = proxies.getProxy(key, () -> configuration(settings, initialTokens.getAsLong()));
    }

    /**
     * Heroku's bucket less the margin, in its capacity too: while Heroku's bucket is full it stops refilling, and a
     * bucket of the full capacity would go on refilling into the margin (all of it within margin / refill seconds:
     * 8 s on Heroku), and the instances would send that much more than Heroku has.
     */
    static BucketConfiguration configuration(SharedThrottleSettings settings, long initialTokens) {
        long capacity = settings.capacity() - settings.margin();
        long initial = Math.max(0, Math.min(capacity, initialTokens));
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity)
                        .refillGreedy(settings.refillPerMinute(), Duration.ofMinutes(1))
                        .initialTokens(initial))
                .build();
    }

    @Override
    public long reserve() {
        return bucket.consumeIgnoringRateLimits(1);
    }

    @Override
    public long available() {
        return bucket.getAvailableTokens();
    }

    @Override
    public void take(long tokens) {
        if (tokens > 0) {
            bucket.consumeIgnoringRateLimits(tokens);
        }
    }

    @Override
    public void give(long tokens) {
        if (tokens > 0) {
            bucket.addTokens(tokens);
        }
    }
}
