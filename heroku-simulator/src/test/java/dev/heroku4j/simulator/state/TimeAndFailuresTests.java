package dev.heroku4j.simulator.state;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Statuses that move with the simulator's clock (a test clock here), and failures injected into them. */
class TimeAndFailuresTests {

	private final TestClock clock = new TestClock();

	private HerokuSimulator sim;

	private Http http;

	@BeforeEach
	void start() {
		this.sim = HerokuSimulator.builder()
			.clock(this.clock)
			.timings(new Timings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2)))
			.start();
		this.http = new Http(this.sim);
		json(this.http.send("POST", "/apps", "{\"name\": \"time-app\"}"), 201);
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	private JsonNode json(HttpResponse<String> response, int status) {
		return Http.judged(this.sim, response, status);
	}

	private String status(String path) {
		JsonNode item = json(this.http.get(path), 200);
		return item.has("state") ? item.get("state").asString() : item.get("status").asString();
	}

	private String build() {
		return json(this.http.send("POST", "/apps/time-app/builds", "{\"source_blob\": {\"url\": \"https://example.com/s.tgz\"}}"), 201)
			.get("id").asString();
	}

	@Test
	void dyno_isStartingUntilItsBootTimeHasPassed_thenUp_alsoAfterARestart() {
		json(this.http.send("PATCH", "/apps/time-app/formation/web", "{\"quantity\": 1}"), 404);
		this.sim.state().scale(this.sim.state().findApp("time-app").orElseThrow(), "web", 1, "basic");
		assertThat(status("/apps/time-app/dynos/web.1")).isEqualTo("starting");
		this.clock.advance(Duration.ofMillis(1999));
		assertThat(status("/apps/time-app/dynos/web.1")).isEqualTo("starting");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(status("/apps/time-app/dynos/web.1")).isEqualTo("up");

		json(this.http.send("DELETE", "/apps/time-app/dynos/web.1", null), 202);
		assertThat(status("/apps/time-app/dynos/web.1")).isEqualTo("starting");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(status("/apps/time-app/dynos/web.1")).isEqualTo("up");
	}

	@Test
	void build_isPendingForItsDuration_thenItsReleaseRunsTheReleasePhase() {
		String build = build();
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(status("/apps/time-app/builds/" + build)).isEqualTo("pending");
		this.clock.advance(Duration.ofSeconds(1));
		JsonNode done = json(this.http.get("/apps/time-app/builds/" + build), 200);
		assertThat(done.get("status").asString()).isEqualTo("succeeded");
		String release = done.at("/release/id").asString();
		JsonNode pending = json(this.http.get("/apps/time-app/releases/" + release), 200);
		assertThat(pending.get("status").asString()).isEqualTo("pending");
		assertThat(pending.get("current").asBoolean()).as("current only once released").isFalse();
		assertThat(pending.get("output_stream_url").asString()).startsWith(this.sim.baseUrl() + "/__simulator/streams/releases/");
		this.clock.advance(Duration.ofSeconds(10));
		JsonNode released = json(this.http.get("/apps/time-app/releases/" + release), 200);
		assertThat(released.get("status").asString()).isEqualTo("succeeded");
		assertThat(released.get("current").asBoolean()).isTrue();
		this.sim.state().settle();
		assertThat(this.http.get(path(released.get("output_stream_url").asString())).body()).contains("Release phase completed.");
	}

	@Test
	void injected_stuckBuild_staysPending() {
		this.sim.state().failures().buildStuckPending("time-app");
		String build = build();
		this.clock.advance(Duration.ofDays(1));
		this.sim.state().settle();
		assertThat(status("/apps/time-app/builds/" + build)).isEqualTo("pending");
		assertThat(this.sim.state().failures().active()).isEmpty();
	}

	@Test
	void injected_failedBuild_failsWithItsOutputAndNoRelease() {
		this.sim.state().failures().buildFails("time-app", "-----> Ruby app detected", " !     Gemfile.lock is out of date");
		String build = build();
		this.clock.advance(Duration.ofSeconds(30));
		JsonNode failed = json(this.http.get("/apps/time-app/builds/" + build), 200);
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.get("release").isNull()).isTrue();
		List<String> output = this.http.get(path(failed.get("output_stream_url").asString())).body().lines().toList();
		assertThat(output).endsWith("-----> Ruby app detected", " !     Gemfile.lock is out of date");
		assertThat(json(this.http.get("/apps/time-app/releases"), 200)).hasSize(1);
	}

	@Test
	void injected_failedRelease_failsAndThePreviousReleaseStaysCurrent() {
		this.sim.state().failures().releaseFails("time-app");
		String build = build();
		this.clock.advance(Duration.ofSeconds(40));
		this.sim.state().runDue();
		String release = json(this.http.get("/apps/time-app/builds/" + build), 200).at("/release/id").asString();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(status("/apps/time-app/releases/" + release)).isEqualTo("failed");
		List<String> current = new ArrayList<>();
		json(this.http.get("/apps/time-app/releases"), 200).forEach(r -> {
			if (r.get("current").asBoolean()) {
				current.add(r.get("version").asString());
			}
		});
		assertThat(current).containsExactly("1");
	}

	@Test
	void injected_stuckRelease_staysPendingLongAfterItsPhase_overTheAdminEndpoint() {
		HttpResponse<String> injected = Http.admin(this.sim).send("POST", "/__simulator/failures",
				"{\"kind\": \"release-stuck\", \"app\": \"time-app\"}");
		assertThat(injected.statusCode()).as(injected.body()).isEqualTo(201);
		String build = build();
		this.clock.advance(Duration.ofSeconds(40));
		this.sim.state().runDue();
		String release = json(this.http.get("/apps/time-app/builds/" + build), 200).at("/release/id").asString();
		this.clock.advance(Duration.ofHours(2));
		assertThat(status("/apps/time-app/releases/" + release)).isEqualTo("pending");
		this.sim.state().settle();
		assertThat(status("/apps/time-app/releases/" + release)).isEqualTo("pending"); // nothing is left to end it
	}

	@Test
	void injected_crashes_onBootAndRightNow_overTheJavaApiAndTheAdminEndpoint() {
		this.sim.state().failures().dynoCrashes("time-app", "web.2");
		this.sim.state().scale(this.sim.state().findApp("time-app").orElseThrow(), "web", 2, "basic");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(status("/apps/time-app/dynos/web.1")).isEqualTo("up");
		assertThat(status("/apps/time-app/dynos/web.2")).isEqualTo("crashed");

		assertThat(Http.admin(this.sim).send("POST", "/__simulator/crash", "{\"app\": \"time-app\", \"dyno\": \"web.1\"}").statusCode()).isEqualTo(200);
		assertThat(status("/apps/time-app/dynos/web.1")).isEqualTo("crashed");
	}

	@Test
	void adminEndpoint_injectsListsAndClearsFailures() {
		HttpResponse<String> injected = Http.admin(this.sim).send("POST", "/__simulator/failures",
				"{\"kind\": \"build-failed\", \"app\": \"time-app\", \"lines\": [\"boom\"]}");
		assertThat(injected.statusCode()).as(injected.body()).isEqualTo(201);
		assertThat(Http.admin(this.sim).get("/__simulator/failures").body()).contains("BUILD_FAILS", "boom");
		String build = build();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(status("/apps/time-app/builds/" + build)).isEqualTo("failed");

		Http.admin(this.sim).send("POST", "/__simulator/failures", "{\"kind\": \"build-stuck\"}");
		assertThat(Http.admin(this.sim).send("DELETE", "/__simulator/failures", null).statusCode()).isEqualTo(200);
		assertThat(this.sim.state().failures().active()).isEmpty();
		HttpResponse<String> bad = Http.admin(this.sim).send("POST", "/__simulator/failures", "{\"kind\": \"meteor\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("kind must be");
	}

	private String path(String url) {
		return url.substring(this.sim.baseUrl().length());
	}

}
