package dev.heroku4j.simulator.ratelimit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The caller's request budget, reported as {@code RateLimit-Remaining}. Heroku refills 4,500 an hour continuously;
 * the simulator does not refill at all, so that a test can run the budget out deterministically.
 */
public final class RateLimiter {

	public static final int HEROKU_BUDGET = 4500;

	private final int budget;

	private final AtomicInteger remaining;

	public RateLimiter(int budget) {
		if (budget < 0) {
			throw new IllegalArgumentException("rate limit must be >= 0, was " + budget);
		}
		this.budget = budget;
		this.remaining = new AtomicInteger(budget);
	}

	/** Takes one request from the budget; false when none is left. */
	public boolean tryConsume() {
		return this.remaining.getAndUpdate(r -> Math.max(0, r - 1)) > 0;
	}

	public int remaining() {
		return this.remaining.get();
	}

	public void setRemaining(int remaining) {
		this.remaining.set(Math.max(0, remaining));
	}

	/** Back to the configured budget. */
	public void reset() {
		this.remaining.set(this.budget);
	}

	public int budget() {
		return this.budget;
	}

}
