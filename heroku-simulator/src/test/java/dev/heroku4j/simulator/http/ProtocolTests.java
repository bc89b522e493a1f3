package dev.heroku4j.simulator.http;

import java.net.http.HttpResponse;
import java.util.List;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication, API versions, errors and the headers every response carries. */
class ProtocolTests {

	@RegisterExtension
	static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed("demo"));

	private Http http() {
		return new Http(heroku.baseUrl());
	}

	@Test
	void request_withoutAuthorization_is401Unauthorized() {
		HttpResponse<String> response = http().with("Authorization", null).get("/apps");
		assertHerokuError(response, 401, "unauthorized");
		assertThat(http().with("Authorization", "Bearer ").get("/apps").statusCode()).isEqualTo(401);
		assertHerokuError(http().with("Authorization", "Basic not-base64!").get("/apps"), 401, "unauthorized");
		assertHerokuError(http().with("Authorization", "Basic " + base64("no-colon")).get("/apps"), 401, "unauthorized");
		assertHerokuError(http().with("Authorization", "Basic " + base64("user@example.com:")).get("/apps"), 401, "unauthorized");
	}

	@Test
	void basicAuthentication_asHerokusLibrariesSendIt_isAccepted() {
		// heroku.jar and node-heroku-client send Basic base64(":" + token); the CLI's netrc users send email:token
		assertThat(http().with("Authorization", "Basic " + base64(":some-token")).get("/apps").statusCode()).isEqualTo(200);
		assertThat(http().with("Authorization", "Basic " + base64("user@example.com:some-token")).get("/apps").statusCode())
			.isEqualTo(200);
	}

	@Test
	void basicAuthentication_withAnUndeclaredKey_isHerokus401() {
		try (HerokuSimulator declared = HerokuSimulator.builder().tokens("right-key").start()) {
			Http http = new Http(declared.baseUrl());
			assertHerokuError(http.with("Authorization", "Basic " + base64(":wrong-key")).get("/apps"), 401, "unauthorized");
			assertThat(http.with("Authorization", "Basic " + base64(":right-key")).get("/apps").statusCode()).isEqualTo(200);
		}
	}

	private static String base64(String text) {
		return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void request_withoutVersion_is400_andUnknownVersionIs406() {
		assertHerokuError(http().with("Accept", null).get("/apps"), 400, "bad_request");
		assertHerokuError(http().with("Accept", "application/json").get("/apps"), 400, "bad_request");
		assertHerokuError(http().with("Accept", "application/vnd.heroku+json; version=2").get("/apps"), 406,
				"not_acceptable");
	}

	@Test
	void sdkOnlyOperation_withVersion3_is404_andWith3sdkSucceeds(HerokuSimulator sim) {
		// config-vars-settings exists only in the 3.sdk variant
		assertHerokuError(http().get("/apps/demo-storefront/capabilities"), 404, "not_found");
		HttpResponse<String> sdk = http().with("Accept", Http.V3_SDK).get("/apps/demo-storefront");
		assertThat(sdk.statusCode()).isEqualTo(200);
		assertThat(sim.journal().last().variant()).isEqualTo("3.sdk");
	}

	@Test
	void v3OnlyOperation_isTolerated_with3sdk() {
		String href = "/teams/acme/identity-providers";
		assertThat(http().get(href).statusCode()).isEqualTo(200);
		assertThat(http().with("Accept", Http.V3_SDK).get(href).statusCode()).isEqualTo(200);
	}

	@Test
	void invalidBody_is422_namingTheField(HerokuSimulator sim) {
		HttpResponse<String> response = http().send("POST", "/apps", "{\"name\": \"Not A Valid Name!\"}");
		assertHerokuError(response, 422, "invalid_params");
		assertThat(Http.json(response).get("message").asString()).containsIgnoringCase("name");
		JournalEntry entry = sim.journal().last();
		assertThat(entry.valid()).isFalse();
		assertThat(entry.messages()).anySatisfy(m -> assertThat(m).contains("$.name"));
	}

	@Test
	void validBody_isAccepted(HerokuSimulator sim) {
		HttpResponse<String> response = http().send("PATCH", "/apps/demo-storefront", "{\"maintenance\": true}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.json(response).get("maintenance").asBoolean()).isTrue();
		assertThat(sim.journal().last().valid()).isTrue();
		assertThat(sim.journal().last().linkTitles()).containsExactly("Update");
	}

	@Test
	void sharedRoute_acceptsABodyValidForAnyOfItsLinks(HerokuSimulator sim) {
		String releases = "/apps/demo-storefront/releases";
		HttpResponse<String> create = http().send("POST", releases, "{\"slug\": \"01234567-89ab-cdef-0123-456789abcdef\"}");
		assertThat(create.statusCode()).isEqualTo(201);
		assertThat(sim.journal().last().linkTitles()).containsExactly("Create");
		String v1 = Http.json(http().get(releases + "/1")).get("id").asString();
		HttpResponse<String> rollback = http().send("POST", releases, "{\"release\": \"" + v1 + "\"}");
		assertThat(rollback.statusCode()).isEqualTo(201);
		assertThat(sim.journal().last().linkTitles()).containsExactly("Rollback");
		assertThat(Http.json(rollback).get("description").asString()).isEqualTo("Rollback to v1");
	}

	@Test
	void malformedJson_is400BadRequest() {
		assertHerokuError(http().send("POST", "/apps", "{\"name\": "), 400, "bad_request");
		assertHerokuError(http().send("PATCH", "/apps/demo-storefront/config-vars", "not json"), 400, "bad_request");
	}

	@Test
	void unknownPath_is404_andWrongMethodIs405() {
		assertHerokuError(http().get("/no-such-thing"), 404, "not_found");
		HttpResponse<String> notAllowed = http().send("PUT", "/apps", "{}");
		assertHerokuError(notAllowed, 405, "method_not_allowed");
		assertThat(notAllowed.headers().firstValue("Allow")).hasValue("GET, POST");
	}

	@Test
	void unknownApp_is404NotFound() {
		HttpResponse<String> response = http().get("/apps/no-such-app");
		assertHerokuError(response, 404, "not_found");
		assertThat(Http.json(response).get("message").asString()).isEqualTo("Couldn't find that app.");
	}

	@Test
	void everyResponse_carriesRequestIdAndRateLimitRemaining() {
		List<HttpResponse<String>> responses = List.of(http().get("/apps"), http().with("Authorization", null).get("/apps"),
				http().get("/nothing"), http().send("POST", "/apps", "{"), http().get("/__simulator/health"),
				http().with("Request-Id", "my-request-42").get("/account"));
		for (HttpResponse<String> response : responses) {
			assertThat(response.headers().firstValue("Request-Id")).as(response.uri().toString()).isPresent();
			assertThat(response.headers().firstValue("RateLimit-Remaining")).as(response.uri().toString())
				.hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
		}
		assertThat(responses.get(5).headers().firstValue("Request-Id")).hasValue("my-request-42");
	}

	@Test
	void malformedRequests_neverYield500() {
		List<String[]> requests = List.of(new String[] { "POST", "/apps", "[]" }, new String[] { "POST", "/apps", "42" },
				new String[] { "POST", "/apps", "null" }, new String[] { "PATCH", "/apps/demo-storefront/config-vars", "[1,2]" },
				new String[] { "PATCH", "/apps/demo-storefront/config-vars", "{\"A\": {\"nested\": 1}}" },
				new String[] { "PATCH", "/apps/demo-storefront/formation", "{\"updates\": \"web\"}" },
				new String[] { "POST", "/pipeline-couplings", "{\"app\": 1, \"pipeline\": {}, \"stage\": []}" },
				new String[] { "GET", "/apps/%C3%28", null }, new String[] { "GET", "/apps/" + "a".repeat(3000), null },
				new String[] { "POST", "/apps/demo-storefront/releases", "{\"release\": {\"x\": 1}}" },
				new String[] { "GET", "/apps/demo-storefront/releases/not-a-version", null },
				new String[] { "DELETE", "/apps/demo-storefront/dynos/nope", null },
				new String[] { "POST", "/apps", "\u0000\u0001" });
		for (String[] request : requests) {
			HttpResponse<String> response = http().send(request[0], request[1], request[2]);
			assertThat(response.statusCode()).as(String.join(" ", request[0], request[1])).isBetween(400, 499);
			JsonNode body = Http.json(response);
			assertThat(body.has("id") && body.has("message")).as(response.body()).isTrue();
		}
	}

	static void assertHerokuError(HttpResponse<String> response, int status, String id) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
		JsonNode body = Http.json(response);
		assertThat(body.path("id").asString()).isEqualTo(id);
		assertThat(body.path("message").asString()).isNotBlank();
		assertThat(body.has("url")).isTrue();
	}

}
