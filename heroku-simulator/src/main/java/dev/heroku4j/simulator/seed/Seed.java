package dev.heroku4j.simulator.seed;

import dev.heroku4j.simulator.state.StatefulApi;

/** Initial data for a simulator, applied at start and again on every reset. */
@FunctionalInterface
public interface Seed {

	/** Nothing: a fresh, empty account. */
	Seed EMPTY = api -> {
	};

	void apply(StatefulApi api);

}
