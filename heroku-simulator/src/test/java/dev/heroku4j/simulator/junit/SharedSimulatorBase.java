package dev.heroku4j.simulator.junit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two test classes share this base and its extension, as Spring test classes sharing a cached context would: the
 * second to run must still reach the simulator the first one used.
 */
abstract class SharedSimulatorBase {

	@RegisterExtension
	static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed("demo"));

	static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

	@Test
	void everySimulatorAnEarlierClassUsed_stillAnswers() {
		SEEN.add(heroku.baseUrl());
		assertThat(SEEN).hasSize(1); // one simulator for both classes
		for (String url : SEEN) {
			assertThat(new Http(url).get("/apps").statusCode()).isEqualTo(200);
		}
	}
}
