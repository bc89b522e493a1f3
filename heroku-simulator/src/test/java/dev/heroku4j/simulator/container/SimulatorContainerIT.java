package dev.heroku4j.simulator.container;

import java.nio.file.Path;

import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator in a locally built FROM-scratch image; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class SimulatorContainerIT {

	@Container
	static HerokuSimulatorContainer heroku = new HerokuSimulatorContainer(
			Path.of(System.getProperty("simulator.shaded.jar", "target/heroku-simulator.jar")))
		.withSeed("demo");

	@Test
	void container_servesTheApi() {
		Http http = new Http(heroku.baseUrl());
		assertThat(http.get("/apps").statusCode()).isEqualTo(200);
		assertThat(Http.json(http.get("/apps"))).hasSize(3);
		assertThat(Http.json(http.get("/account/rate-limits")).get("remaining").asInt()).isPositive();
	}

}
