package dev.heroku4j.simulator.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the classes sharing a simulator by name check, whichever runs first: one simulator for both (each declares
 * its own extension, no common field), and each class starting from the seed, not from what the other left behind.
 */
abstract class SharedByNameBase {

	static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

	abstract HerokuSimulatorExtension extension();

	@Test
	void oneSimulatorForTheName_resetBeforeEachClass(HerokuSimulator sim) {
		SEEN.add(extension().baseUrl());
		assertThat(SEEN).hasSize(1);
		assertThat(sim.baseUrl()).isEqualTo(extension().baseUrl());
		Http http = new Http(sim);
		List<String> names = new ArrayList<>();
		Http.json(http.get("/apps")).forEach((app) -> names.add(app.get("name").asString()));
		assertThat(names).as("apps left by the other class").isNotEmpty().noneMatch((name) -> name.startsWith("left-by-"));
		String mine = "left-by-" + getClass().getSimpleName().toLowerCase().replace("tests", "");
		assertThat(http.send("POST", "/apps", "{\"name\": \"" + mine + "\"}").statusCode()).isEqualTo(201);
	}

}
