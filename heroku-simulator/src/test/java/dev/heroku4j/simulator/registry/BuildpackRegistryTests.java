package dev.heroku4j.simulator.registry;

import java.net.http.HttpResponse;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The buildpack registry call of {@code heroku buildpacks:set}, then the installation it leads to. */
class BuildpackRegistryTests {

	private static HerokuSimulator sim;

	@BeforeAll
	static void start() {
		sim = HerokuSimulator.start();
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	/** As the CLI's registry client asks: its own Accept variant, no key, the name with an encoded slash. */
	private static HttpResponse<String> registry(String path) {
		return new Http(sim).with("Authorization", null)
			.with("Accept", "application/vnd.heroku+json; version=3.buildpack-registry")
			.get("/__simulator/buildpack-registry" + path);
	}

	@Test
	void officialBuildpack_answersItsBlobUrl_whichInstallsUnderItsName() {
		HttpResponse<String> found = registry("/buildpacks/heroku%2Fnodejs");
		assertThat(found.statusCode()).isEqualTo(200);
		JsonNode buildpack = Http.json(found);
		String blob = buildpack.get("blob_url").asString();
		assertThat(blob).isEqualTo("https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/nodejs.tgz");
		assertThat(buildpack.get("namespace").asString() + "/" + buildpack.get("name").asString()).isEqualTo("heroku/nodejs");

		Http http = new Http(sim);
		http.send("POST", "/apps", "{\"name\": \"registry-app\"}");
		HttpResponse<String> installed = http.send("PUT", "/apps/registry-app/buildpack-installations",
				"{\"updates\": [{\"buildpack\": \"" + blob + "\"}]}");
		assertThat(installed.statusCode()).isEqualTo(200);
		assertThat(Http.json(installed).get(0).at("/buildpack/name").asString()).isEqualTo("heroku/nodejs");
		assertThat(sim.journal().invalid()).isEmpty();
	}

	@Test
	void unknownBuildpackOrCall_is404() {
		assertThat(registry("/buildpacks/nobody%2Fnothing").statusCode()).isEqualTo(404);
		assertThat(registry("/buildpacks?namespace=heroku").statusCode()).isEqualTo(404);
	}

}
