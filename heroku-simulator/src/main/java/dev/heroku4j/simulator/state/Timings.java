package dev.heroku4j.simulator.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * @param lifecycles per resource of {@code lifecycles.json} (add-on, space...), a delay that replaces its data's;
 *        zero creates it in its success state (unless a failure is injected); absent (also in {@link #INSTANT}): the data's
 */
public record Timings(Duration build, Duration releasePhase, Duration dynoBoot, Map<String, Duration> lifecycles) {

	/** Builds succeed by the next request, no release phase, dynos up after a second. */
	public static final Timings DEFAULT = new Timings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));

	/** Everything moves on at the next request: what tests that do not care about time want. */
	public static final Timings INSTANT = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO);

	public Timings(Duration build, Duration releasePhase, Duration dynoBoot) {
		this(build, releasePhase, dynoBoot, Map.of());
	}

	public Timings {
		lifecycles = Map.copyOf(lifecycles);
		List<Duration> delays = new ArrayList<>(List.of(build, releasePhase, dynoBoot));
		delays.addAll(lifecycles.values());
		for (Duration delay : delays) {
			if (Objects.requireNonNull(delay, "delay").isNegative()) {
				throw new IllegalArgumentException("a delay must not be negative, was " + delay);
			}
		}
	}

	public Timings withBuild(Duration delay) {
		return new Timings(delay, this.releasePhase, this.dynoBoot, this.lifecycles);
	}

	public Timings withReleasePhase(Duration delay) {
		return new Timings(this.build, delay, this.dynoBoot, this.lifecycles);
	}

	public Timings withDynoBoot(Duration delay) {
		return new Timings(this.build, this.releasePhase, delay, this.lifecycles);
	}

	/** How long {@code resource} of {@code lifecycles.json} takes from its start to its success state. */
	public Timings withLifecycle(String resource, Duration delay) {
		Map<String, Duration> changed = new HashMap<>(this.lifecycles);
		changed.put(resource, delay);
		return new Timings(this.build, this.releasePhase, this.dynoBoot, changed);
	}

}
