package dev.heroku4j.simulator.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.heroku4j.simulator.http.ProtocolTests.assertHerokuError;
import static org.assertj.core.api.Assertions.assertThat;

/** API keys as Heroku reads them, and the admin token that guards the simulator's own plumbing. */
class AuthenticationTests {

	private static HerokuSimulator declared;

	@BeforeAll
	static void start() {
		declared = HerokuSimulator.builder().seed("demo").tokens("right-key").adminToken("the-admin-token").start();
	}

	@AfterAll
	static void stop() {
		declared.close();
	}

	private static Http http() {
		return new Http(declared);
	}

	@Test
	void declaredKey_isAccepted_asBearerAndBothBasicForms() {
		for (String authorization : List.of("Bearer right-key", "bearer right-key", "  Bearer   right-key  ",
				"Basic " + base64(":right-key"), "Basic " + base64("dev@example.com:right-key"))) {
			assertThat(http().with("Authorization", authorization).get("/apps").statusCode()).as(authorization).isEqualTo(200);
		}
	}

	@Test
	void unknownOrMalformedCredentials_getHeroku401Body() {
		for (String authorization : List.of("Bearer wrong-key", "Basic " + base64(":wrong-key"),
				"Basic " + base64("dev@example.com:wrong-key"), "Basic %%%", "Basic " + base64("no-colon"), "Token right-key",
				"Bearer", "right-key", "Basic " + base64("dev@example.com:"))) {
			HttpResponse<String> response = http().with("Authorization", authorization).get("/apps");
			assertHerokuError(response, 401, "unauthorized");
			assertThat(Http.json(response).get("message").asString()).as(authorization).isEqualTo("Invalid credentials provided.");
		}
		HttpResponse<String> none = http().with("Authorization", null).get("/apps");
		assertThat(Http.json(none).get("message").asString()).isEqualTo("Invalid credentials provided.");
		assertThat(declared.journal().last().valid()).isFalse();
	}

	@Test
	void adminEndpoints_needTheAdminToken_notAnApiKey() {
		assertHerokuError(http().with("Authorization", "Bearer right-key").get("/__simulator/journal"), 403, "forbidden");
		assertHerokuError(http().with("Authorization", null).send("POST", "/__simulator/reset", null), 401, "unauthorized");
		assertHerokuError(http().with("Authorization", "Bearer right-key").send("DELETE", "/__simulator/faults", null), 403,
				"forbidden");
		assertHerokuError(http().with("Authorization", "Bearer right-key").send("PUT", "/__simulator/rate-limit",
				"{\"remaining\": 1}"), 403, "forbidden");
		assertThat(declared.rateLimit().remaining()).isGreaterThan(1);
		Http admin = http().with("Authorization", "Bearer the-admin-token");
		assertThat(admin.get("/__simulator/journal").statusCode()).isEqualTo(200);
		assertThat(admin.with("Authorization", "Basic " + base64(":the-admin-token")).get("/__simulator/faults").statusCode())
			.isEqualTo(200);
	}

	@Test
	void healthAndHandedOutUrls_areOpen() {
		assertThat(http().with("Authorization", null).get("/__simulator/health").statusCode()).isEqualTo(200);
		// a stream URL is its own credential, as on Heroku: an unknown one is 404, never 401
		assertThat(http().with("Authorization", null).get("/__simulator/streams/builds/no-such-build").statusCode()).isEqualTo(404);
		assertThat(http().with("Authorization", null).send("PUT", "/__simulator/sources/blob-1", "bytes").statusCode())
			.isEqualTo(200);
		assertThat(http().with("Authorization", null).get("/__simulator/sources/blob-1").body()).isEqualTo("bytes");
	}

	@Test
	void adminToken_isRandomByDefault_andDiffersPerSimulator() {
		try (HerokuSimulator one = HerokuSimulator.start(); HerokuSimulator two = HerokuSimulator.start()) {
			assertThat(one.adminToken()).isNotBlank().isNotEqualTo(two.adminToken());
			assertThat(Http.admin(one).get("/__simulator/journal").statusCode()).isEqualTo(200);
			assertThat(new Http(one).with("Authorization", "Bearer " + two.adminToken()).get("/__simulator/journal")
				.statusCode()).isEqualTo(403);
		}
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
