package dev.heroku4j.simulator.ratelimit;

import java.util.function.LongSupplier;

/**
 * The caller's request budget, reported as {@code RateLimit-Remaining}: a bucket of {@code budget} tokens that
 * refills continuously, like Heroku's (4,500 an hour: 75 a minute), never above the budget. A refill of 0 keeps the
 * bucket as it is, so a test can run a budget out deterministically ({@code HerokuSimulator.Builder.rateLimit(n)}
 * without a refill).
 */
public final class RateLimiter {

	public static final int HEROKU_BUDGET = 4500;

	/** Heroku's refill: the whole budget once an hour. */
	public static final double HEROKU_REFILL_PER_MINUTE = HEROKU_BUDGET / 60.0;

	private final int budget;

	private final double refillPerNano;

	private final LongSupplier nanoTime;

	private double tokens;

	private long refilledAt;

	public RateLimiter(int budget) {
		this(budget, 0, System::nanoTime);
	}

	public RateLimiter(int budget, double refillPerMinute, LongSupplier nanoTime) {
		if (budget < 0) {
			throw new IllegalArgumentException("rate limit must be >= 0, was " + budget);
		}
		if (refillPerMinute < 0 || Double.isNaN(refillPerMinute)) {
			throw new IllegalArgumentException("refill must be >= 0 tokens a minute, was " + refillPerMinute);
		}
		this.budget = budget;
		this.refillPerNano = refillPerMinute / 60e9;
		this.nanoTime = nanoTime;
		this.tokens = budget;
		this.refilledAt = nanoTime.getAsLong();
	}

	/** Takes one request from the budget; false when none is left. */
	public synchronized boolean tryConsume() {
		refill();
		if (this.tokens < 1) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}

	public synchronized int remaining() {
		refill();
		return (int) this.tokens;
	}

	public synchronized void setRemaining(int remaining) {
		refill();
		this.tokens = Math.max(0, Math.min(remaining, this.budget));
	}

	/** Back to the configured budget. */
	public synchronized void reset() {
		this.tokens = this.budget;
		this.refilledAt = this.nanoTime.getAsLong();
	}

	public int budget() {
		return this.budget;
	}

	private void refill() {
		long now = this.nanoTime.getAsLong();
		if (this.refillPerNano > 0) {
			this.tokens = Math.min(this.budget, this.tokens + (now - this.refilledAt) * this.refillPerNano);
		}
		this.refilledAt = now;
	}

}
