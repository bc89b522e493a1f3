package dev.heroku4j.simulator.state;

import java.net.http.HttpResponse;
import java.util.List;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Create, read, update and delete round trips over HTTP; every response must also pass the simulator's own judge. */
@ExtendWith(HerokuSimulatorExtension.class)
class StatefulApiTests {

	private HerokuSimulator sim;

	private Http http;

	@BeforeEach
	void setUp(HerokuSimulator sim) {
		sim.reset();
		this.sim = sim;
		this.http = new Http(sim);
	}

	private JsonNode ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(this.sim.journal().last().responseMessages()).as("response judged against targetSchema").isEmpty();
		return response.body().isEmpty() ? null : Http.json(response);
	}

	/** The top-level field of each element of a list response. */
	private static List<String> field(JsonNode list, String name) {
		List<String> values = new java.util.ArrayList<>();
		list.forEach(item -> values.add(item.path(name).asString()));
		return values;
	}

	@Test
	void apps_createInfoByIdAndNameUpdateListDelete() {
		JsonNode created = ok(this.http.send("POST", "/apps", "{\"name\": \"my-app\", \"region\": \"eu\"}"), 201);
		String id = created.get("id").asString();
		assertThat(created.get("name").asString()).isEqualTo("my-app");
		assertThat(created.at("/region/name").asString()).isEqualTo("eu");
		assertThat(created.get("web_url").asString()).isEqualTo("https://my-app.herokuapp.com/");

		assertThat(ok(this.http.get("/apps/" + id), 200).get("name").asString()).isEqualTo("my-app");
		assertThat(ok(this.http.get("/apps/my-app"), 200).get("id").asString()).isEqualTo(id);

		JsonNode renamed = ok(this.http.send("PATCH", "/apps/my-app", "{\"name\": \"my-renamed-app\", \"maintenance\": true}"), 200);
		assertThat(renamed.get("name").asString()).isEqualTo("my-renamed-app");
		assertThat(renamed.get("maintenance").asBoolean()).isTrue();
		assertThat(this.http.get("/apps/my-app").statusCode()).isEqualTo(404);

		JsonNode list = ok(this.http.get("/apps"), 200);
		assertThat(field(list, "name")).contains("my-renamed-app");

		ok(this.http.send("DELETE", "/apps/" + id, null), 200);
		assertThat(this.http.get("/apps/" + id).statusCode()).isEqualTo(404);
		assertThat(field(ok(this.http.get("/apps"), 200), "id")).doesNotContain(id);
		assertThat(this.sim.journal().count("POST", "/apps")).isEqualTo(1);
	}

	@Test
	void apps_duplicateName_is422() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"taken\"}"), 201);
		HttpResponse<String> again = this.http.send("POST", "/apps", "{\"name\": \"taken\"}");
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(Http.json(again).get("id").asString()).isEqualTo("invalid_params");
	}

	@Test
	void configVars_setAndUnsetWithNull_andMakeReleases() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"cfg-app\"}"), 201);
		JsonNode set = ok(this.http.send("PATCH", "/apps/cfg-app/config-vars", "{\"FOO\": \"bar\", \"BAZ\": \"qux\"}"), 200);
		assertThat(set.get("FOO").asString()).isEqualTo("bar");
		JsonNode unset = ok(this.http.send("PATCH", "/apps/cfg-app/config-vars", "{\"FOO\": null}"), 200);
		assertThat(unset.has("FOO")).isFalse();
		assertThat(unset.get("BAZ").asString()).isEqualTo("qux");
		assertThat(ok(this.http.get("/apps/cfg-app/config-vars"), 200).propertyNames()).containsExactly("BAZ");

		JsonNode releases = ok(this.http.with("Range", "version ..").get("/apps/cfg-app/releases"), 200);
		assertThat(field(releases, "description")).containsExactly("Initial release", "Set FOO, BAZ config vars",
				"Remove FOO config vars");
		assertThat(ok(this.http.get("/apps/cfg-app/releases/2/config-vars"), 200).propertyNames()).contains("FOO", "BAZ");
	}

	@Test
	void formationAndDynos_scaleRestartStop() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"dyno-app\"}"), 201);
		JsonNode batch = ok(this.http.send("PATCH", "/apps/dyno-app/formation",
				"{\"updates\": [{\"type\": \"web\", \"quantity\": 2, \"dyno_size\": {\"name\": \"standard-2X\"}}, {\"type\": \"worker\", \"quantity\": 1}]}"), 200);
		assertThat(batch).hasSize(2);
		assertThat(ok(this.http.get("/apps/dyno-app/formation"), 200)).hasSize(2);
		JsonNode web = ok(this.http.get("/apps/dyno-app/formation/web"), 200);
		assertThat(web.get("quantity").asInt()).isEqualTo(2);
		assertThat(web.get("size").asString()).isEqualTo("standard-2X");
		assertThat(field(ok(this.http.get("/apps/dyno-app/dynos"), 200), "name")).containsExactlyInAnyOrder("web.1",
				"web.2", "worker.1");

		ok(this.http.send("PATCH", "/apps/dyno-app/formation/web", "{\"quantity\": 1}"), 200);
		assertThat(field(ok(this.http.get("/apps/dyno-app/dynos"), 200), "name")).containsExactlyInAnyOrder("web.1",
				"worker.1");

		JsonNode run = ok(this.http.send("POST", "/apps/dyno-app/dynos", "{\"command\": \"rails console\"}"), 201);
		String runName = run.get("name").asString();
		assertThat(runName).startsWith("run.");
		assertThat(ok(this.http.get("/apps/dyno-app/dynos/" + runName), 200).get("command").asString()).isEqualTo("rails console");

		assertThat(ok(this.http.send("DELETE", "/apps/dyno-app/dynos/web.1", null), 202)).isNull();
		assertThat(ok(this.http.get("/apps/dyno-app/dynos/web.1"), 200).get("state").asString()).isEqualTo("starting");
		ok(this.http.send("POST", "/apps/dyno-app/dynos/" + runName + "/actions/stop", null), 202);
		assertThat(this.http.get("/apps/dyno-app/dynos/" + runName).statusCode()).isEqualTo(404);
		ok(this.http.send("POST", "/apps/dyno-app/formations/worker/actions/stop", null), 202);
		assertThat(ok(this.http.get("/apps/dyno-app/dynos/worker.1"), 200).get("state").asString()).isEqualTo("down");
	}

	@Test
	void formation_beyondHerokusDynoLimit_isRefusedAndChangesNothing() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"limit-app\"}"), 201);
		ok(this.http.send("PATCH", "/apps/limit-app/formation",
				"{\"updates\": [{\"type\": \"web\", \"quantity\": 60}, {\"type\": \"worker\", \"quantity\": 40}]}"), 200);

		for (String quantity : new String[] { "2147483647", "41", "-1", "99999999999" }) {
			var refused = this.http.send("PATCH", "/apps/limit-app/formation/worker", "{\"quantity\": " + quantity + "}");
			assertThat(refused.statusCode()).as(quantity).isEqualTo(422);
			assertThat(refused.body()).contains("invalid_params");
		}
		assertThat(ok(this.http.get("/apps/limit-app/formation/worker"), 200).get("quantity").asInt()).isEqualTo(40);
		assertThat(ok(this.http.get("/apps/limit-app/dynos"), 200)).hasSize(100);
	}

	@Test
	void buildsAndSources_uploadThenBuildThenRelease() throws Exception {
		ok(this.http.send("POST", "/apps", "{\"name\": \"build-app\"}"), 201);
		JsonNode source = ok(this.http.send("POST", "/sources", null), 201);
		String putUrl = source.at("/source_blob/put_url").asString();
		assertThat(putUrl).startsWith(this.sim.baseUrl() + "/__simulator/sources/");
		String path = putUrl.substring(this.sim.baseUrl().length());
		assertThat(this.http.send("PUT", path, "tarball-bytes").statusCode()).isEqualTo(200);
		assertThat(this.http.get(path).body()).isEqualTo("tarball-bytes");

		JsonNode build = ok(this.http.send("POST", "/apps/build-app/builds",
				"{\"source_blob\": {\"url\": \"" + source.at("/source_blob/get_url").asString() + "\", \"version\": \"v42\"}}"), 201);
		assertThat(build.get("status").asString()).isEqualTo("pending");
		JsonNode finished = ok(this.http.get("/apps/build-app/builds/" + build.get("id").asString()), 200);
		assertThat(finished.get("status").asString()).isEqualTo("succeeded");
		assertThat(field(ok(this.http.get("/apps/build-app/releases"), 200), "description")).contains("Deploy v42");
		String output = this.http.get(finished.get("output_stream_url").asString().substring(this.sim.baseUrl().length())).body();
		assertThat(output).contains("Launching");
	}

	@Test
	void logSession_streamsWhatTheAppLoggedThenEnds() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"log-app\"}"), 201);
		ok(this.http.send("PATCH", "/apps/log-app/formation", "{\"updates\": [{\"type\": \"web\", \"quantity\": 1}]}"), 200);
		JsonNode session = ok(this.http.send("POST", "/apps/log-app/log-sessions", "{\"lines\": 10, \"tail\": false}"), 201);
		String url = session.get("logplex_url").asString();
		assertThat(url).startsWith(this.sim.baseUrl());
		HttpResponse<String> stream = this.http.get(url.substring(this.sim.baseUrl().length()));
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.body().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).contains("]: "));
		assertThat(stream.body()).contains("app[api]: Release v1 created by user", "heroku[web.1]: Starting process with command");
	}

	@Test
	void domainsAddonsCollaborators_roundTrip() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"res-app\"}"), 201);
		ok(this.http.send("POST", "/apps/res-app/domains", "{\"hostname\": \"api.example.org\", \"sni_endpoint\": null}"), 201);
		assertThat(ok(this.http.get("/apps/res-app/domains/api.example.org"), 200).get("kind").asString()).isEqualTo("custom");
		ok(this.http.send("DELETE", "/apps/res-app/domains/api.example.org", null), 200);
		assertThat(ok(this.http.get("/apps/res-app/domains"), 200)).isEmpty();

		JsonNode addon = ok(this.http.send("POST", "/apps/res-app/addons", "{\"plan\": \"heroku-redis:mini\"}"), 201);
		assertThat(addon.at("/addon_service/name").asString()).isEqualTo("heroku-redis");
		assertThat(addon.at("/app/name").asString()).isEqualTo("res-app");
		assertThat(ok(this.http.get("/addons/" + addon.get("name").asString()), 200).get("id")).isEqualTo(addon.get("id"));
		assertThat(ok(this.http.get("/apps/res-app/addons"), 200)).hasSize(1);

		ok(this.http.send("POST", "/apps/res-app/collaborators", "{\"user\": \"friend@example.com\"}"), 201);
		assertThat(ok(this.http.get("/apps/res-app/collaborators/friend@example.com"), 200).at("/user/email").asString())
			.isEqualTo("friend@example.com");
		assertThat(this.http.send("POST", "/apps/res-app/collaborators", "{\"user\": \"friend@example.com\"}").statusCode())
			.isEqualTo(422);
	}

	@Test
	void pipelinesAndCouplings_roundTrip() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"stage-app\"}"), 201);
		JsonNode pipeline = ok(this.http.send("POST", "/pipelines", "{\"name\": \"my-pipeline\"}"), 201);
		String pipelineId = pipeline.get("id").asString();
		JsonNode coupling = ok(this.http.send("POST", "/pipeline-couplings",
				"{\"app\": \"stage-app\", \"pipeline\": \"" + pipelineId + "\", \"stage\": \"staging\"}"), 201);
		assertThat(coupling.at("/pipeline/id").asString()).isEqualTo(pipelineId);
		assertThat(ok(this.http.get("/pipelines/" + pipelineId + "/pipeline-couplings"), 200)).hasSize(1);
		assertThat(ok(this.http.get("/apps/stage-app/pipeline-couplings"), 200).get("stage").asString()).isEqualTo("staging");
		ok(this.http.send("PATCH", "/pipeline-couplings/" + coupling.get("id").asString(), "{\"stage\": \"production\"}"), 200);
		assertThat(ok(this.http.get("/pipelines/my-pipeline"), 200).get("id").asString()).isEqualTo(pipelineId);
		ok(this.http.send("DELETE", "/pipelines/" + pipelineId, null), 200);
		assertThat(field(ok(this.http.get("/pipeline-couplings"), 200), "stage")).doesNotContain("production");
	}

	@Test
	void demoSeed_hasThreeAppsWithDynosReleasesConfigAndAPipeline() {
		HerokuSimulator demo = HerokuSimulator.builder().seed("demo").start();
		try (demo) {
			Http client = new Http(demo);
			JsonNode apps = Http.json(client.get("/apps"));
			assertThat(apps).hasSize(3);
			assertThat(Http.json(client.get("/apps/demo-storefront/dynos"))).hasSize(3);
			assertThat(Http.json(client.get("/apps/demo-storefront/releases")).size()).isGreaterThanOrEqualTo(3);
			assertThat(Http.json(client.get("/apps/demo-storefront/config-vars")).has("RAILS_ENV")).isTrue();
			assertThat(Http.json(client.get("/pipelines"))).hasSize(1);
			assertThat(Http.json(client.get("/pipeline-couplings"))).hasSize(2);
			assertThat(demo.journal().entries()).allSatisfy(e -> assertThat(e.responseMessages()).isEmpty());
			assertThat(demo.journal().entries()).extracting(e -> e.status()).containsOnly(200);
		}
		assertThat(List.of(this.sim.journal().entries().size())).containsExactly(0);
	}

}
