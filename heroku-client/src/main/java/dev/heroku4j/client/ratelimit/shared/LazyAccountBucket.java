package dev.heroku4j.client.ratelimit.shared;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A bucket made at its first use, not when the client is built: the store may not be up yet (a connection factory
 * started after the client bean). A failed attempt is not remembered, so the next use tries again.
 */
final class LazyAccountBucket implements AccountBucket {

    private final Supplier<AccountBucket> make;
    private volatile @Nullable AccountBucket bucket;

    LazyAccountBucket(Supplier<AccountBucket> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    private AccountBucket b() {
        AccountBucket current = bucket;
        if (current == null) {
            synchronized (this) {
                current = bucket;
                if (current == null) {
                    current = make.get();
                    bucket = current;
                }
            }
        }
        return current;
    }

    @Override
    public long reserve() {
        return b().reserve();
    }

    @Override
    public long available() {
        return b().available();
    }

    @Override
    public void take(long tokens) {
        b().take(tokens);
    }

    @Override
    public void give(long tokens) {
        b().give(tokens);
    }
}
