package dev.heroku4j.simulator.state;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulator's asynchronous work takes: a build from {@code pending} to {@code succeeded}, a release's
 * release phase from {@code pending} to {@code succeeded}, a dyno from {@code starting} to {@code up}. A zero delay
 * still moves on only at the next request (or {@link StatefulApi#settle()}), so a create response always shows the
 * first state, as Heroku's does. Zero release phase means releases are created {@code succeeded}.
 *
 * @param build a build's duration; default zero (it has succeeded by the next request)
 * @param releasePhase a release phase's duration; default zero (no release phase)
 * @param dynoBoot a dyno's boot time; default one second
 */
public record Timings(Duration build, Duration releasePhase, Duration dynoBoot) {

	/** Builds succeed by the next request, no release phase, dynos up after a second. */
	public static final Timings DEFAULT = new Timings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));

	/** Everything moves on at the next request: what tests that do not care about time want. */
	public static final Timings INSTANT = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO);

	public Timings {
		for (Duration delay : new Duration[] { build, releasePhase, dynoBoot }) {
			if (Objects.requireNonNull(delay, "delay").isNegative()) {
				throw new IllegalArgumentException("a delay must not be negative, was " + delay);
			}
		}
	}

	public Timings withBuild(Duration delay) {
		return new Timings(delay, this.releasePhase, this.dynoBoot);
	}

	public Timings withReleasePhase(Duration delay) {
		return new Timings(this.build, delay, this.dynoBoot);
	}

	public Timings withDynoBoot(Duration delay) {
		return new Timings(this.build, this.releasePhase, delay);
	}

}
