package dev.heroku4j.client.ratelimit.shared;

/**
 * One account's bucket in a shared store, modelling Heroku's: every method may throw when the store is unreachable.
 */
public interface AccountBucket {

    /** Takes one token, queueing behind the callers before it if there is none: how long to wait for it, in ns. */
    long reserve();

    /** Tokens left now; negative while callers wait for tokens not yet refilled. */
    long available();

    /** Takes tokens Heroku says are gone (the store was too optimistic). */
    void take(long tokens);

    /** Gives back tokens Heroku says are there (the store was too pessimistic), up to the capacity. */
    void give(long tokens);
}
