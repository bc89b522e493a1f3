package dev.heroku4j.simulator.fault;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Timeout(60)
class FaultTests {

	@RegisterExtension
	static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed("demo"));

	@Test
	void status_onlyTheNextNTimes(HerokuSimulator sim) {
		sim.faults().inject(Fault.status(503).on("GET", "/apps/*").times(2));
		Http http = new Http(sim);
		assertThat(http.get("/apps/demo-storefront").statusCode()).isEqualTo(503);
		HttpResponse<String> second = http.get("/apps/demo-storefront");
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(Http.json(second).get("id").asString()).isEqualTo("service_unavailable");
		assertThat(http.get("/apps/demo-storefront").statusCode()).isEqualTo(200);
		assertThat(http.get("/apps").statusCode()).isEqualTo(200);
		assertThat(sim.journal().entries()).extracting(e -> e.fault()).containsExactly("status 503 on GET /apps/* x2",
				"status 503 on GET /apps/* x2", null, null);
		assertThat(sim.faults().active()).isEmpty();
	}

	@Test
	void status_onAnUploadUrl_refusesTheUpload_andStoresNothing(HerokuSimulator sim) {
		sim.faults().inject(Fault.status(503).on("PUT", "/__simulator/sources/*").times(1));
		Http http = new Http(sim).with("Authorization", null);
		assertThat(http.send("PUT", "/__simulator/sources/blob-f", "bytes").statusCode()).isEqualTo(503);
		assertThat(http.get("/__simulator/sources/blob-f").statusCode()).isEqualTo(404);
		assertThat(http.send("PUT", "/__simulator/sources/blob-f", "bytes").statusCode()).isEqualTo(200);
		assertThat(http.get("/__simulator/sources/blob-f").body()).isEqualTo("bytes");
		assertThat(sim.journal().entries("PUT", "/__simulator/sources/*")).extracting(e -> e.status(), e -> e.fault())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(503, "status 503 on PUT /__simulator/sources/* x1"),
					org.assertj.core.groups.Tuple.tuple(200, null));
	}

	@Test
	void latency_delaysTheAnswer(HerokuSimulator sim) {
		sim.faults().inject(Fault.latency(Duration.ofMillis(400)).on("GET", "/account"));
		long start = System.nanoTime();
		assertThat(new Http(sim).get("/account").statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		start = System.nanoTime();
		new Http(sim).get("/apps");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
	}

	@Test
	void connectionReset_failsTheRequest(HerokuSimulator sim) {
		sim.faults().inject(Fault.connectionReset().on("POST", "/apps").times(1));
		Http http = new Http(sim);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> http.sendOrThrow("POST", "/apps", "{}"));
		assertThat(http.send("POST", "/apps", "{}").statusCode()).isEqualTo(201);
		assertThat(sim.journal().count("POST", "/apps")).isEqualTo(2);
	}

	@Test
	void truncatedBody_failsTheRead(HerokuSimulator sim) {
		sim.faults().inject(Fault.truncatedBody().on(null, "/apps/**"));
		Http http = new Http(sim);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> http.sendOrThrow("GET", "/apps/demo-storefront", null));
		assertThat(http.get("/apps").statusCode()).isEqualTo(200);
	}

	@Test
	void adminEndpoint_injectsAndClearsFaults(HerokuSimulator sim) {
		Http http = new Http(sim);
		Http admin = Http.admin(sim);
		HttpResponse<String> injected = admin.send("POST", "/__simulator/faults",
				"{\"kind\": \"status\", \"status\": 500, \"method\": \"GET\", \"path\": \"/account\", \"times\": 1}");
		assertThat(injected.statusCode()).isEqualTo(201);
		HttpResponse<String> failed = http.get("/account");
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(Http.json(failed).get("id").asString()).isEqualTo("internal_server_error");
		assertThat(http.get("/account").statusCode()).isEqualTo(200);
		admin.send("POST", "/__simulator/faults", "{\"kind\": \"reset\", \"path\": \"/**\"}");
		assertThat(admin.send("DELETE", "/__simulator/faults", null).statusCode()).isEqualTo(200);
		assertThat(http.get("/account").statusCode()).isEqualTo(200);
		assertThat(admin.send("POST", "/__simulator/faults", "{\"kind\": \"explode\"}").statusCode()).isEqualTo(400);
	}

}
