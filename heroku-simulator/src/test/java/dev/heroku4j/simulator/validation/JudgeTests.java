package dev.heroku4j.simulator.validation;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeTests {

	private static final Judge JUDGE = Judge.load();

	@Test
	void response_byConcretePath_validAndInvalid() {
		String app = "{\"id\": \"01234567-89ab-cdef-0123-456789abcdef\", \"name\": \"my-app\", \"created_at\": \"2012-01-01T12:00:00Z\"}";
		assertThat(JUDGE.response("GET", "/apps/my-app", app).valid()).isTrue();
		Judge.Verdict bad = JUDGE.response("GET", "/apps/my-app", "{\"id\": \"not-a-uuid\", \"maintenance\": \"yes\"}");
		assertThat(bad.valid()).isFalse();
		assertThat(bad.messages()).anySatisfy(m -> assertThat(m).contains("$.id"))
			.anySatisfy(m -> assertThat(m).contains("$.maintenance"));
		assertThat(bad.operation()).startsWith("GET /apps/{(");
	}

	@Test
	void response_byHrefTemplate_andEmptyRel() {
		assertThat(JUDGE.response("GET", "/apps", "[{\"name\": \"my-app\"}]").valid()).isTrue();
		assertThat(JUDGE.response("GET", "/apps", "{\"name\": \"x\"}").valid()).isFalse();
		assertThat(JUDGE.response("DELETE", "/apps/a/dynos/web.1", "").valid()).isTrue();
		assertThat(JUDGE.response("GET", "/nope", "{}").operation()).isNull();
	}

	@Test
	void request_isJudgedAgainstAnyLinkOfTheOperation() {
		assertThat(JUDGE.request("POST", "/apps/a/releases", "{\"slug\": \"01234567-89ab-cdef-0123-456789abcdef\"}").valid()).isTrue();
		assertThat(JUDGE.request("POST", "/apps/a/releases", "{\"release\": \"01234567-89ab-cdef-0123-456789abcdef\"}").valid()).isTrue();
		assertThat(JUDGE.request("POST", "/apps/a/releases", "{}").valid()).isFalse();
	}

	@Test
	void adminJudgeEndpoint() {
		try (HerokuSimulator sim = HerokuSimulator.start()) {
			var response = Http.admin(sim).send("POST", "/__simulator/judge",
					"{\"method\": \"GET\", \"path\": \"/account\", \"body\": {\"email\": 42}}");
			assertThat(Http.json(response).get("valid").asBoolean()).isFalse();
		}
	}

}
