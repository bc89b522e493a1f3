package dev.heroku4j.simulator.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private final AtomicLong now = new AtomicLong();

	@Test
	void herokusBucket_refills75AMinute_neverAboveTheBudget() {
		RateLimiter limiter = new RateLimiter(4500, RateLimiter.HEROKU_REFILL_PER_MINUTE, now::get);
		for (int i = 0; i < 4500; i++) {
			assertThat(limiter.tryConsume()).isTrue();
		}
		assertThat(limiter.tryConsume()).isFalse();

		now.addAndGet(60_000_000_000L); // a minute later
		assertThat(limiter.remaining()).isEqualTo(75);
		now.addAndGet(3_600_000_000_000L); // an hour later
		assertThat(limiter.remaining()).isEqualTo(4500);
	}

	@Test
	void aBudgetWithoutRefill_staysSpent() {
		RateLimiter limiter = new RateLimiter(2, 0, now::get);
		assertThat(limiter.tryConsume()).isTrue();
		assertThat(limiter.tryConsume()).isTrue();
		now.addAndGet(3_600_000_000_000L);
		assertThat(limiter.tryConsume()).isFalse();
		limiter.reset();
		assertThat(limiter.remaining()).isEqualTo(2);
	}
}
