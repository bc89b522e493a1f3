package dev.heroku4j.simulator.http;

import java.net.http.HttpResponse;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests {

	@Test
	void budget_runsOut_then429_whileRateLimitsEndpointStaysFree() {
		try (HerokuSimulator sim = HerokuSimulator.builder().rateLimit(3).start()) {
			Http http = new Http(sim);
			assertThat(remaining(http.get("/account"))).isEqualTo(2);
			assertThat(remaining(http.get("/account/rate-limits"))).isEqualTo(2);
			assertThat(Http.json(http.get("/account/rate-limits")).get("remaining").asInt()).isEqualTo(2);
			assertThat(remaining(http.get("/apps"))).isEqualTo(1);
			assertThat(remaining(http.get("/apps"))).isZero();

			HttpResponse<String> limited = http.get("/apps");
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(Http.json(limited).get("id").asString()).isEqualTo("rate_limit");
			assertThat(remaining(limited)).isZero();

			HttpResponse<String> free = http.get("/account/rate-limits");
			assertThat(free.statusCode()).isEqualTo(200);
			assertThat(Http.json(free).get("remaining").asInt()).isZero();

			sim.rateLimit().reset();
			assertThat(http.get("/apps").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void defaultBudget_is4500() {
		try (HerokuSimulator sim = HerokuSimulator.start()) {
			assertThat(remaining(new Http(sim).get("/apps"))).isEqualTo(4499);
		}
	}

	private static int remaining(HttpResponse<String> response) {
		return Integer.parseInt(response.headers().firstValue("RateLimit-Remaining").orElseThrow());
	}

}
