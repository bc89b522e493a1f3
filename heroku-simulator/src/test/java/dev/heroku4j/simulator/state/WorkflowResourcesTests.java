package dev.heroku4j.simulator.state;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What a common workflow writes and then reads back, over HTTP; every response also passes the simulator's judge. */
class WorkflowResourcesTests {

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
		ok(this.http.send("POST", "/apps", "{\"name\": \"flow-app\"}"), 201);
	}

	private static JsonNode ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(sim.journal().last().responseMessages()).as("response judged against targetSchema").isEmpty();
		return response.body().isEmpty() ? null : Http.json(response);
	}

	private static List<String> field(JsonNode list, String pointer) {
		List<String> values = new ArrayList<>();
		list.forEach(item -> values.add(item.at(pointer).asString()));
		return values;
	}

	@Test
	void logDrains_createListInfoByUrlDelete() {
		JsonNode drain = ok(this.http.send("POST", "/apps/flow-app/log-drains", "{\"url\": \"syslog+tls://logs.example.com:514\"}"), 201);
		assertThat(drain.get("token").asString()).startsWith("d.");
		assertThat(drain.at("/app/name").asString()).isEqualTo("flow-app");
		assertThat(field(ok(this.http.get("/apps/flow-app/log-drains"), 200), "/url")).containsExactly("syslog+tls://logs.example.com:514");
		assertThat(ok(this.http.get("/apps/flow-app/log-drains/" + drain.get("id").asString()), 200).get("url").asString())
			.isEqualTo("syslog+tls://logs.example.com:514");
		assertThat(this.http.send("POST", "/apps/flow-app/log-drains", "{\"url\": \"syslog+tls://logs.example.com:514\"}").statusCode())
			.isEqualTo(422);
		ok(this.http.send("DELETE", "/apps/flow-app/log-drains/" + drain.get("token").asString(), null), 200);
		assertThat(ok(this.http.get("/apps/flow-app/log-drains"), 200)).isEmpty();
	}

	@Test
	void sniEndpoints_createUpdateDelete_andDomainsUseThem() {
		JsonNode sni = ok(this.http.send("POST", "/apps/flow-app/sni-endpoints",
				"{\"certificate_chain\": \"-----BEGIN CERTIFICATE----- one\", \"private_key\": \"-----BEGIN PRIVATE KEY----- k\"}"), 201);
		String name = sni.get("name").asString();
		assertThat(sni.get("certificate_chain").asString()).contains("one");
		ok(this.http.send("PATCH", "/apps/flow-app/sni-endpoints/" + name,
				"{\"certificate_chain\": \"-----BEGIN CERTIFICATE----- two\", \"private_key\": \"-----BEGIN PRIVATE KEY----- k\"}"), 200);
		assertThat(ok(this.http.get("/apps/flow-app/sni-endpoints/" + name), 200).get("certificate_chain").asString()).contains("two");

		JsonNode domain = ok(this.http.send("POST", "/apps/flow-app/domains",
				"{\"hostname\": \"www.flow.example\", \"sni_endpoint\": \"" + name + "\"}"), 201);
		assertThat(domain.at("/sni_endpoint/name").asString()).isEqualTo(name);
		assertThat(ok(this.http.get("/apps/flow-app/sni-endpoints/" + name), 200).get("domains").toString())
			.contains(domain.get("id").asString());

		ok(this.http.send("DELETE", "/apps/flow-app/sni-endpoints/" + sni.get("id").asString(), null), 200);
		assertThat(ok(this.http.get("/apps/flow-app/sni-endpoints"), 200)).isEmpty();
	}

	@Test
	void buildpackInstallations_replaceThenReadBackInOrder() {
		JsonNode installed = ok(this.http.send("PUT", "/apps/flow-app/buildpack-installations",
				"{\"updates\": [{\"buildpack\": \"heroku/nodejs\"}, {\"buildpack\": \"https://example.com/buildpacks/custom.tgz\"}]}"), 200);
		assertThat(field(installed, "/buildpack/name")).containsExactly("heroku/nodejs", "custom");
		JsonNode read = ok(this.http.get("/apps/flow-app/buildpack-installations"), 200);
		assertThat(field(read, "/buildpack/url")).containsExactly("heroku/nodejs", "https://example.com/buildpacks/custom.tgz");
		assertThat(field(read, "/ordinal")).containsExactly("0", "1");
	}

	@Test
	void addOnResolve_findsByNameAndByAttachmentName_else404() {
		JsonNode addon = ok(this.http.send("POST", "/apps/flow-app/addons", "{\"plan\": \"heroku-postgresql:essential-0\"}"), 201);
		String name = addon.get("name").asString();
		JsonNode byName = ok(this.http.send("POST", "/actions/addons/resolve", "{\"addon\": \"" + name + "\"}"), 200);
		assertThat(field(byName, "/id")).containsExactly(addon.get("id").asString());
		JsonNode byAttachment = ok(this.http.send("POST", "/actions/addons/resolve", "{\"addon\": \"DATABASE\", \"app\": \"flow-app\"}"), 200);
		assertThat(field(byAttachment, "/name")).containsExactly(name);
		assertThat(field(ok(this.http.get("/apps/flow-app/addon-attachments"), 200), "/name")).containsExactly("DATABASE");
		assertThat(this.http.send("POST", "/actions/addons/resolve", "{\"addon\": \"nope\"}").statusCode()).isEqualTo(404);
	}

	@Test
	void appWebhooks_createListInfoUpdateDelete_keepingTheSecretOutOfSight() {
		JsonNode hook = ok(this.http.send("POST", "/apps/flow-app/webhooks",
				"{\"include\": [\"api:release\"], \"level\": \"notify\", \"url\": \"https://hooks.example.com/h\", \"secret\": \"s3cret\"}"), 201);
		String id = hook.get("id").asString();
		assertThat(hook.toString()).doesNotContain("s3cret");
		ok(this.http.send("PATCH", "/apps/flow-app/webhooks/" + id, "{\"level\": \"sync\", \"include\": [\"api:build\", \"api:release\"]}"), 200);
		JsonNode read = ok(this.http.get("/apps/flow-app/webhooks/" + id), 200);
		assertThat(read.get("level").asString()).isEqualTo("sync");
		assertThat(read.get("include")).hasSize(2);
		assertThat(ok(this.http.get("/apps/flow-app/webhooks"), 200)).hasSize(1);
		ok(this.http.send("DELETE", "/apps/flow-app/webhooks/" + id, null), 200);
		assertThat(this.http.get("/apps/flow-app/webhooks/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void build_ofANewApp_makesASlugAReleaseAndOneWebDyno() {
		JsonNode build = ok(this.http.send("POST", "/apps/flow-app/builds",
				"{\"source_blob\": {\"url\": \"https://example.com/src.tgz\", \"version\": \"abc123\"}}"), 201);
		assertThat(build.get("status").asString()).isEqualTo("pending");
		assertThat(build.get("output_stream_url").asString()).startsWith(sim.baseUrl() + "/__simulator/streams/builds/");
		JsonNode done = ok(this.http.get("/apps/flow-app/builds/" + build.get("id").asString()), 200);
		assertThat(done.get("status").asString()).isEqualTo("succeeded");
		String releaseId = done.at("/release/id").asString();
		JsonNode release = ok(this.http.get("/apps/flow-app/releases/" + releaseId), 200);
		assertThat(release.at("/slug/id").asString()).isEqualTo(done.at("/slug/id").asString());
		assertThat(release.get("current").asBoolean()).isTrue();
		assertThat(ok(this.http.get("/apps/flow-app/slugs/" + done.at("/slug/id").asString()), 200).get("id").asString())
			.isEqualTo(done.at("/slug/id").asString());
		JsonNode formation = ok(this.http.get("/apps/flow-app/formation"), 200);
		assertThat(field(formation, "/type")).containsExactly("web");
		assertThat(formation.get(0).get("quantity").asInt()).isEqualTo(1);
		assertThat(field(ok(this.http.get("/apps/flow-app/dynos"), 200), "/name")).containsExactly("web.1");
	}

	@Test
	void appSetup_createsAppBuildAndRelease_thenSucceeds() {
		JsonNode setup = ok(this.http.send("POST", "/app-setups",
				"{\"app\": {\"name\": \"setup-app\"}, \"source_blob\": {\"url\": \"https://example.com/app.tgz\"}, \"overrides\": {\"env\": {\"MODE\": \"demo\"}}}"), 201);
		assertThat(setup.get("status").asString()).isEqualTo("pending");
		assertThat(setup.at("/app/name").asString()).isEqualTo("setup-app");
		JsonNode done = ok(this.http.get("/app-setups/" + setup.get("id").asString()), 200);
		assertThat(done.get("status").asString()).isEqualTo("succeeded");
		assertThat(done.at("/build/status").asString()).isEqualTo("succeeded");
		assertThat(ok(this.http.get("/apps/setup-app/config-vars"), 200).get("MODE").asString()).isEqualTo("demo");
		assertThat(field(ok(this.http.get("/apps/setup-app/releases"), 200), "/description")).anyMatch(d -> d.startsWith("Deploy"));
	}

	@Test
	void pipelines_couplingsCarryThePipelineIdAndName_andPromotionsCopyTheSlug() {
		ok(this.http.send("POST", "/apps", "{\"name\": \"flow-prod\"}"), 201);
		ok(this.http.send("PATCH", "/apps/flow-prod/config-vars", "{\"ONLY_PROD\": \"1\"}"), 200);
		JsonNode pipeline = ok(this.http.send("POST", "/pipelines", "{\"name\": \"flow\"}"), 201);
		String pipelineId = pipeline.get("id").asString();
		JsonNode coupling = ok(this.http.send("POST", "/pipeline-couplings",
				"{\"app\": \"flow-app\", \"pipeline\": \"" + pipelineId + "\", \"stage\": \"staging\"}"), 201);
		assertThat(coupling.at("/pipeline/id").asString()).isEqualTo(pipelineId);
		assertThat(coupling.at("/pipeline/name").asString()).isEqualTo("flow");
		ok(this.http.send("POST", "/pipeline-couplings", "{\"app\": \"flow-prod\", \"pipeline\": \"" + pipelineId + "\", \"stage\": \"production\"}"), 201);

		JsonNode build = ok(this.http.send("POST", "/apps/flow-app/builds", "{\"source_blob\": {\"url\": \"https://example.com/s.tgz\"}}"), 201);
		String slug = ok(this.http.get("/apps/flow-app/builds/" + build.get("id").asString()), 200).at("/slug/id").asString();
		String stagingApp = ok(this.http.get("/apps/flow-app"), 200).get("id").asString();
		String prodApp = ok(this.http.get("/apps/flow-prod"), 200).get("id").asString();

		JsonNode promotion = ok(this.http.send("POST", "/pipeline-promotions", "{\"pipeline\": {\"id\": \"" + pipelineId
				+ "\"}, \"source\": {\"app\": {\"id\": \"" + stagingApp + "\"}}, \"targets\": [{\"app\": {\"id\": \"" + prodApp + "\"}}]}"), 201);
		assertThat(promotion.get("status").asString()).isEqualTo("pending");
		String promotionId = promotion.get("id").asString();
		assertThat(ok(this.http.get("/pipeline-promotions/" + promotionId), 200).get("status").asString()).isEqualTo("completed");
		JsonNode targets = ok(this.http.get("/pipeline-promotions/" + promotionId + "/promotion-targets"), 200);
		assertThat(field(targets, "/status")).containsExactly("succeeded");
		JsonNode promoted = ok(this.http.get("/apps/flow-prod/releases/" + targets.get(0).at("/release/id").asString()), 200);
		assertThat(promoted.at("/slug/id").asString()).isEqualTo(slug);
		assertThat(promoted.get("current").asBoolean()).isTrue();
		// as on Heroku, a promotion moves the slug; the target keeps its own config vars
		assertThat(ok(this.http.get("/apps/flow-prod/config-vars"), 200).has("ONLY_PROD")).isTrue();
	}

	@Test
	void regionsAndStacks_asHerokuListsThem_andUnknownOnesRefusedOnCreate() {
		assertThat(field(ok(this.http.get("/regions"), 200), "/name")).contains("us", "eu", "virginia", "oregon",
				"frankfurt", "tokyo", "sydney", "dublin");
		JsonNode eu = ok(this.http.get("/regions/eu"), 200);
		assertThat(eu.get("name").asString()).isEqualTo("eu");
		assertThat(eu.get("private_capable").asBoolean()).isFalse();
		assertThat(ok(this.http.get("/regions/tokyo"), 200).get("private_capable").asBoolean()).isTrue();
		assertThat(this.http.get("/regions/atlantis").statusCode()).isEqualTo(404);
		JsonNode stacks = ok(this.http.get("/stacks"), 200);
		List<String> stackStates = new ArrayList<>();
		stacks.forEach(stack -> stackStates.add(stack.get("name").asString() + " " + stack.get("state").asString()));
		assertThat(stackStates).containsExactlyInAnyOrder("heroku-20 deprecated", "heroku-22 public", "heroku-24 public");

		HttpResponse<String> region = this.http.send("POST", "/apps", "{\"name\": \"nowhere\", \"region\": \"atlantis\"}");
		assertThat(region.statusCode()).isEqualTo(422);
		assertThat(Http.json(region).get("id").asString()).isEqualTo("invalid_params");
		assertThat(Http.json(region).get("message").asString()).contains("region", "atlantis");
		HttpResponse<String> stack = this.http.send("POST", "/apps", "{\"name\": \"nowhere\", \"stack\": \"cedar-14\"}");
		assertThat(stack.statusCode()).isEqualTo(422);
		assertThat(Http.json(stack).get("message").asString()).contains("stack", "cedar-14");
		assertThat(this.http.get("/apps/nowhere").statusCode()).as("nothing was created").isEqualTo(404);
		JsonNode created = ok(this.http.send("POST", "/apps", "{\"name\": \"in-eu\", \"region\": \"eu\", \"stack\": \"heroku-22\"}"), 201);
		assertThat(created.at("/region/id").asString()).isEqualTo(eu.get("id").asString());
		assertThat(created.at("/stack/name").asString()).isEqualTo("heroku-22");
	}

}
