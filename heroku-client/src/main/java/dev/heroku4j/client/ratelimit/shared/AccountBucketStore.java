package dev.heroku4j.client.ratelimit.shared;

/** Where the accounts' buckets live: Redis or PostgreSQL through Bucket4j. */
public interface AccountBucketStore {

    /** {@code redis} or {@code postgresql}: the throttle is then called {@code shared-<name>}. */
    String name();

    /**
     * The bucket of one account. Nothing is sent yet; the store creates the bucket at its first use, full up to
     * what {@code initialTokens} says then (Heroku's latest reading).
     *
     * @param account       a hash of the API key (never the key)
     * @param settings      the quota modelled (capacity, refill)
     * @param initialTokens asked each time the store has no bucket for the account (first use, a store emptied by
     *                      a restart)
     */
    AccountBucket bucket(AccountHash account, SharedThrottleSettings settings,
                         java.util.function.LongSupplier initialTokens);

    /** Releases what the store opened itself (connections); a connection given by the application stays open. */
    default void close() {
    }
}
