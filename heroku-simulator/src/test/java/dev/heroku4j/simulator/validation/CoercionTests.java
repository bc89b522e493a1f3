package dev.heroku4j.simulator.validation;

import java.net.http.HttpResponse;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies Heroku reads although its schema says otherwise: accepted, answered from the coerced body, and still
 * journaled with the schema's problems; and bodies Heroku refuses, refused with its error.
 */
class CoercionTests {

	@RegisterExtension
	static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed("demo"));

	private static Http http() {
		return new Http(heroku.baseUrl());
	}

	@Test
	void stringQuantity_isCoerced_andJournaledWithTheSchemaProblem(HerokuSimulator sim) {
		HttpResponse<String> response = http().send("PATCH", "/apps/demo-storefront/formation/web", "{\"quantity\": \"3\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(Http.json(response).get("quantity").asInt()).isEqualTo(3);
		JournalEntry entry = sim.journal().last();
		assertThat(entry.status()).isEqualTo(200);
		assertThat(entry.valid()).isFalse();
		assertThat(entry.messages()).singleElement().satisfies(m -> assertThat(m).startsWith("coerced: ").contains("$.quantity"));
		assertThat(entry.body()).isEqualTo("{\"quantity\": \"3\"}");
		assertThat(sim.journal().invalid()).containsExactly(entry);
		assertThat(Http.json(http().get("/apps/demo-storefront/formation/web")).get("quantity").asInt()).isEqualTo(3);
	}

	@Test
	void stringBoolean_isCoerced() {
		HttpResponse<String> on = http().send("PATCH", "/apps/demo-inventory-api", "{\"maintenance\": \"true\"}");
		assertThat(on.statusCode()).isEqualTo(200);
		assertThat(Http.json(on).get("maintenance").isBoolean()).isTrue();
		assertThat(Http.json(on).get("maintenance").asBoolean()).isTrue();
		assertThat(Http.json(http().send("PATCH", "/apps/demo-inventory-api", "{\"maintenance\": \"FALSE\"}"))
			.get("maintenance").asBoolean()).isFalse();
	}

	@Test
	void batchUpdate_withStringQuantities_andTheDeprecatedSize() {
		HttpResponse<String> response = http().send("PATCH", "/apps/demo-storefront-staging/formation",
				"{\"updates\": [{\"type\": \"web\", \"quantity\": \"2\", \"size\": \"Standard-2X\"}]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode web = Http.json(http().get("/apps/demo-storefront-staging/formation/web"));
		assertThat(web.get("quantity").asInt()).isEqualTo(2);
		assertThat(web.get("size").asString()).isEqualTo("Standard-2X");
	}

	@Test
	void addonPlan_asAnObject_isReadByName(HerokuSimulator sim) {
		HttpResponse<String> created = http().send("POST", "/apps/demo-inventory-api/addons",
				"{\"plan\": {\"name\": \"heroku-redis:mini\"}}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(Http.json(created).get("plan").get("name").asString()).isEqualTo("heroku-redis:mini");
		assertThat(sim.journal().last().linkTitles()).containsExactly("Create");
		HttpResponse<String> byName = http().send("POST", "/apps/demo-inventory-api/addons", "{\"plan\": \"heroku-redis:mini\"}");
		assertThat(byName.statusCode()).isEqualTo(201);
		assertThat(sim.journal().last().valid()).isTrue();
	}

	@Test
	void whatCannotBeRead_isRefusedWithHerokusError(HerokuSimulator sim) {
		HttpResponse<String> word = http().send("PATCH", "/apps/demo-storefront/formation/web", "{\"quantity\": \"three\"}");
		assertThat(word.statusCode()).isEqualTo(422);
		assertThat(Http.json(word).get("id").asString()).isEqualTo("invalid_params");
		assertThat(sim.journal().last().valid()).isFalse();
		assertThat(sim.journal().last().messages()).noneMatch(m -> m.startsWith("coerced"));

		HttpResponse<String> name = http().send("POST", "/apps", "{\"name\": \"Not A Valid Name!\"}");
		assertThat(name.statusCode()).isEqualTo(422);
		assertThat(Http.json(name).get("message").asString()).isEqualTo(
				"Name must start with a letter, end with a letter or digit, and can only contain lowercase letters, digits, and dashes.");
		assertThat(sim.journal().last().messages()).anySatisfy(m -> assertThat(m).contains("$.name"));

		HttpResponse<String> missing = http().send("POST", "/apps/demo-inventory-api/addons", "{\"plan\": {\"price\": 1}}");
		assertThat(missing.statusCode()).isEqualTo(422);
	}

	@Test
	void aHugeStringQuantity_isCoerced_thenRefusedByTheLimit() {
		HttpResponse<String> response = http().send("PATCH", "/apps/demo-storefront/formation/web",
				"{\"quantity\": \"99999999999999999999\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(Http.json(response).get("id").asString()).isEqualTo("invalid_params");
		assertThat(Http.json(http().get("/apps/demo-storefront/formation/web")).get("quantity").asInt()).isLessThan(101);
	}

}
