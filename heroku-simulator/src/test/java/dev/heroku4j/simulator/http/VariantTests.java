package dev.heroku4j.simulator.http;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;
import dev.heroku4j.simulator.schema.HrefTemplate;
import dev.heroku4j.simulator.schema.Link;
import dev.heroku4j.simulator.schema.OperationIndex;
import dev.heroku4j.simulator.schema.VariantCatalog;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static dev.heroku4j.simulator.http.ProtocolTests.assertHerokuError;
import static org.assertj.core.api.Assertions.assertThat;

/** The named Accept variants the Heroku CLI sends, and the links only they serve (heroku-variants.json). */
class VariantTests {

	@RegisterExtension
	static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed("demo").rateLimit(100_000));

	private static final OperationIndex INDEX = OperationIndex.load();

	private static Http http(String version) {
		return new Http(heroku.baseUrl()).with("Accept", "application/vnd.heroku+json; version=" + version);
	}

	@Test
	void everyCataloguedVariant_isAccepted_andJournaledAsAsked(HerokuSimulator sim) {
		List<VariantCatalog.NamedVariant> variants = INDEX.catalog().orElseThrow().variants();
		assertThat(variants).extracting(VariantCatalog.NamedVariant::version)
			.contains("3.filters", "3.pipelines", "3.webhooks", "3.ci", "3.team-invitations", "3.dogwood", "3.fir");
		for (VariantCatalog.NamedVariant variant : variants) {
			assertThat(variant.usedBy()).as(variant.version()).isNotEmpty();
			HttpResponse<String> response = http(variant.version()).get("/apps/demo-storefront");
			assertThat(response.statusCode()).as(variant.version()).isEqualTo(200);
			JournalEntry entry = sim.journal().last();
			assertThat(entry.variant()).isEqualTo(variant.version());
			assertThat(entry.valid()).as(entry.messages().toString()).isTrue();
		}
		assertThat(http("3.SDK").get("/apps").statusCode()).isEqualTo(200);
		assertThat(http("\"3.pipelines\"").get("/pipelines").statusCode()).isEqualTo(200);
	}

	@Test
	void unknownVariant_is406_listingTheKnownOnes() {
		HttpResponse<String> response = http("3.no-such-variant").get("/apps");
		assertHerokuError(response, 406, "not_acceptable");
		assertThat(Http.json(response).get("message").asString()).contains("3.filters");
	}

	@Test
	void filtersApps_returnsTheStoredAppsNamed_withTheCliRange() {
		Http http = http("3.filters").with("Range", "id ..; max=1000;");
		JsonNode apps = Http.json(new Http(heroku.baseUrl()).get("/apps"));
		String storefront = null;
		String inventory = null;
		for (JsonNode app : apps) {
			if (app.get("name").asString().equals("demo-storefront")) {
				storefront = app.get("id").asString();
			}
			if (app.get("name").asString().equals("demo-inventory-api")) {
				inventory = app.get("id").asString();
			}
		}
		HttpResponse<String> filtered = http.send("POST", "/filters/apps",
				"{\"in\": {\"id\": [\"" + storefront + "\", \"" + inventory + "\"]}}");
		assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		Http.json(filtered).forEach(app -> names.add(app.get("name").asString()));
		assertThat(names).containsExactlyInAnyOrder("demo-storefront", "demo-inventory-api");
		assertThat(heroku.simulator().journal().last().responseMessages()).isEmpty();
		assertThat(Http.json(http.send("POST", "/filters/apps", "{\"in\": {\"id\": []}}"))).isEmpty();
	}

	@Test
	void pipelinesByName_withTheEqFilter_returnOnlyThatPipeline() {
		Http http = http("3.pipelines");
		assertThat(http.send("POST", "/pipelines", "{\"name\": \"second-pipeline\"}").statusCode()).isEqualTo(201);
		JsonNode found = Http.json(http.get("/pipelines?eq[name]=demo-storefront-pipeline"));
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("name").asString()).isEqualTo("demo-storefront-pipeline");
		assertThat(Http.json(http.get("/pipelines?eq%5Bname%5D=second-pipeline")).get(0).get("name").asString())
			.isEqualTo("second-pipeline");
		assertThat(Http.json(http.get("/pipelines?eq[name]=nothing"))).isEmpty();
		assertThat(Http.json(http.get("/pipelines")).size()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void dataOnlyLink_isServedOnlyToItsVariant() {
		String webhooks = "/pipelines/demo-storefront-pipeline/webhooks";
		HttpResponse<String> plain = new Http(heroku.baseUrl()).get(webhooks);
		assertHerokuError(plain, 404, "not_found");
		assertThat(Http.json(plain).get("message").asString()).contains("version=3.webhooks");
		assertThat(http("3.webhooks").get(webhooks).statusCode()).isEqualTo(200);
		HttpResponse<String> created = http("3.webhooks").send("POST", webhooks,
				"{\"include\": [\"api:release\"], \"level\": \"notify\", \"url\": \"https://example.com/hook\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(heroku.simulator().journal().last().linkTitles()).containsExactly("Create");
		assertHerokuError(http("3.webhooks").send("POST", webhooks, "{\"level\": \"notify\"}"), 422, "invalid_params");
	}

	@Test
	void variantSpecificSchema_acceptsWhatOnlyThatVariantAllows() {
		String body = "{\"updates\": [{\"type\": \"web\", \"docker_image\": \"sha256:0123456789abcdef\"}]}";
		assertHerokuError(new Http(heroku.baseUrl()).send("PATCH", "/apps/demo-storefront/formation", body), 422,
				"invalid_params");
		HttpResponse<String> released = http("3.docker-releases").send("PATCH", "/apps/demo-storefront/formation", body);
		assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
		assertThat(heroku.simulator().journal().last().valid()).isTrue();
	}

	@Test
	void namedVariant_reachesALinkOnlyIn3sdk() {
		// heroku run --dyno: POST /apps/{app}/dynos/{dyno} is in the 3.sdk snapshot only
		HttpResponse<String> inside = http("3.run-inside").send("POST", "/apps/demo-storefront/dynos/web.1",
				"{\"command\": \"bash\"}");
		assertThat(inside.statusCode()).as(inside.body()).isBetween(200, 299);
		assertThat(http("3.dogwood").get("/spaces/some-space/hosts").statusCode()).isEqualTo(200);
	}

	@Test
	void everyDataLink_isRouted_andAnswersValidly(HerokuSimulator sim) {
		Map<String, String> values = Map.of("app", "demo-storefront", "pipeline", "demo-storefront-pipeline");
		List<String> failures = new ArrayList<>();
		assertThat(INDEX.dataLinks()).isNotEmpty();
		for (VariantCatalog.DataLink data : INDEX.catalog().orElseThrow().links()) {
			Link link = INDEX.operation(data.link().get("method").asString(), data.link().get("href").asString())
				.orElseThrow()
				.linksFor(INDEX.catalog().orElseThrow().version(data.versions().iterator().next()).orElseThrow())
				.get(0);
			StringBuilder path = new StringBuilder();
			for (HrefTemplate.Segment segment : new HrefTemplate(link.href()).segments()) {
				path.append('/').append(segment.isParameter()
						? values.getOrDefault(segment.definition(), "sample-" + segment.field()) : segment.literal());
			}
			String body = link.hasSchema()
					? new ResponseSynthesizer(INDEX.schema(link.variant())).synthesize(link.schema()).toString() : null;
			HttpResponse<String> response = http(data.versions().iterator().next()).send(link.method(), path.toString(), body);
			JournalEntry entry = sim.journal().last();
			if (!(link.method() + " " + link.href()).equals(entry.operation()) || response.statusCode() >= 300
					|| !entry.valid() || !entry.responseMessages().isEmpty()) {
				failures.add(data.reason() + ": " + response.statusCode() + " " + entry.operation() + " "
						+ entry.messages() + entry.responseMessages() + " " + response.body());
			}
		}
		assertThat(failures).isEmpty();
	}

}
