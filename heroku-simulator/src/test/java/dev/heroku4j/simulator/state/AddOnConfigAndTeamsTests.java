package dev.heroku4j.simulator.state;

import java.net.http.HttpResponse;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An add-on's config var and releases, and the teams the account creates, over HTTP; responses pass the judge. */
class AddOnConfigAndTeamsTests {

	private static HerokuSimulator sim;

	private Http http;

	@BeforeAll
	static void start() {
		sim = HerokuSimulator.builder().timings(Timings.INSTANT).start();
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@BeforeEach
	void setUp() {
		sim.reset();
		this.http = new Http(sim);
		ok(this.http.send("POST", "/apps", "{\"name\": \"addon-app\"}"), 201);
	}

	private static JsonNode ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(sim.journal().last().responseMessages()).as("response judged against targetSchema").isEmpty();
		return response.body().isEmpty() ? null : Http.json(response);
	}

	private JsonNode latestRelease() {
		return ok(this.http.with("Range", "version ..; order=desc, max=1").get("/apps/addon-app/releases"), 206).get(0);
	}

	@Test
	void addOnCreate_setsItsAttachmentsUrl_withARelease_andDeleteRemovesIt() {
		JsonNode addOn = ok(this.http.send("POST", "/apps/addon-app/addons", "{\"plan\": \"heroku-postgresql:essential-0\"}"), 201);
		assertThat(addOn.get("config_vars").toString()).isEqualTo("[\"DATABASE_URL\"]");
		assertThat(ok(this.http.get("/apps/addon-app/config-vars"), 200).get("DATABASE_URL").asString())
			.startsWith("postgres://").contains(".simulator.invalid:5432/");
		JsonNode attach = latestRelease();
		assertThat(attach.get("description").asString()).isEqualTo("Attach DATABASE (@ref:" + addOn.get("name").asString() + ")");
		assertThat(attach.get("addon_plan_names").toString()).contains("heroku-postgresql:essential-0");

		JsonNode deleted = ok(this.http.send("DELETE", "/apps/addon-app/addons/" + addOn.get("id").asString(), null), 200);
		assertThat(deleted.get("state").asString()).isEqualTo("deprovisioned");
		assertThat(ok(this.http.get("/apps/addon-app/config-vars"), 200).has("DATABASE_URL")).isFalse();
		assertThat(latestRelease().get("description").asString()).startsWith("Detach DATABASE (@ref:");
	}

	@Test
	void addOnCreate_withAnAttachmentName_setsThatUrl() {
		JsonNode addOn = ok(this.http.send("POST", "/apps/addon-app/addons",
				"{\"plan\": {\"name\": \"heroku-redis:mini\"}, \"attachment\": {\"name\": \"CACHE\"}}"), 201);
		assertThat(addOn.get("config_vars").toString()).isEqualTo("[\"CACHE_URL\"]");
		assertThat(ok(this.http.get("/apps/addon-app/config-vars"), 200).get("CACHE_URL").asString()).startsWith("redis://");
	}

	@Test
	void teams_keepTheNameAsked_readBackRenameDelete() {
		JsonNode team = ok(this.http.send("POST", "/teams", "{\"name\": \"acme-team\"}"), 201);
		assertThat(team.get("name").asString()).isEqualTo("acme-team");
		assertThat(this.http.send("POST", "/teams", "{\"name\": \"acme-team\"}").statusCode()).isEqualTo(422);
		assertThat(ok(this.http.get("/teams"), 200)).singleElement().satisfies(t -> assertThat(t.get("name").asString()).isEqualTo("acme-team"));
		assertThat(ok(this.http.get("/teams/" + team.get("id").asString()), 200).get("name").asString()).isEqualTo("acme-team");

		ok(this.http.send("PATCH", "/teams/acme-team", "{\"name\": \"acme-renamed\"}"), 200);
		assertThat(ok(this.http.get("/teams/acme-renamed"), 200).get("id")).isEqualTo(team.get("id"));
		ok(this.http.send("DELETE", "/teams/acme-renamed", null), 200);
		assertThat(ok(this.http.get("/teams"), 200)).isEmpty();
		// a team the simulator never created is answered from the schema, as resources without state are
		assertThat(ok(this.http.get("/teams/elsewhere"), 200).get("name").asString()).isEqualTo("example");
	}

}
