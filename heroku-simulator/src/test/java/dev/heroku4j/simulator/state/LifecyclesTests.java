package dev.heroku4j.simulator.state;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lifecycles.json}: states that move on the simulator's (test) clock, and their injected failures. */
class LifecyclesTests {

	private final TestClock clock = new TestClock();

	private HerokuSimulator sim;

	private Http http;

	private void start(Timings timings) {
		this.sim = HerokuSimulator.builder().clock(this.clock).timings(timings).start();
		this.http = new Http(this.sim);
		json(this.http.send("POST", "/apps", "{\"name\": \"life-app\"}"), 201);
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	private JsonNode json(HttpResponse<String> response, int status) {
		return Http.judged(this.sim, response, status);
	}

	private JsonNode space(String name) {
		return json(this.http.send("POST", "/spaces", "{\"name\": \"" + name + "\", \"team\": \"life-team\"}"), 201);
	}

	private String state(String path) {
		JsonNode item = json(this.http.get(path), 200);
		return item.has("state") ? item.get("state").asString() : item.get("status").asString();
	}

	@Test
	void addOn_isProvisionedAtOnceByDefault_andProvisioningForItsDelayWhenGivenOne() {
		start(Timings.DEFAULT);
		assertThat(json(this.http.send("POST", "/apps/life-app/addons", "{\"plan\": \"heroku-redis:mini\"}"), 201)
			.get("state").asString()).isEqualTo("provisioned");
		this.sim.close();

		start(Timings.DEFAULT.withLifecycle("add-on", Duration.ofSeconds(5)));
		String id = json(this.http.send("POST", "/apps/life-app/addons", "{\"plan\": \"heroku-redis:mini\"}"), 201)
			.get("id").asString();
		assertThat(state("/addons/" + id)).isEqualTo("provisioning");
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(state("/addons/" + id)).isEqualTo("provisioned");
	}

	@Test
	void space_allocatesAfterItsDataDelay_andItsNatFollowsIt_whileAnUnknownSpaceIsStillTheSample() {
		start(Timings.DEFAULT);
		assertThat(space("life-space").get("state").asString()).isEqualTo("allocating");
		assertThat(state("/spaces/life-space/nat")).isEqualTo("updating");
		this.clock.advance(Duration.ofMillis(1999)); // lifecycles.json: PT2S
		assertThat(state("/spaces/life-space")).isEqualTo("allocating");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(state("/spaces/life-space")).isEqualTo("allocated");
		assertThat(state("/spaces/life-space/nat")).isEqualTo("enabled");

		assertThat(this.http.get("/spaces/never-created").statusCode()).isEqualTo(200); // the schema's sample, as before
	}

	@Test
	void injectedOverTheAdminEndpoint_aVpnConnectionFailsWithItsMessage_andAStuckSpaceStaysAllocating() {
		start(Timings.DEFAULT);
		HttpResponse<String> failed = Http.admin(this.sim).send("POST", "/__simulator/failures",
				"{\"kind\": \"failed\", \"resource\": \"vpn-connection\"}");
		assertThat(failed.statusCode()).as(failed.body()).isEqualTo(201);
		HttpResponse<String> stuck = Http.admin(this.sim).send("POST", "/__simulator/failures",
				"{\"kind\": \"stuck\", \"resource\": \"space\"}");
		assertThat(stuck.statusCode()).as(stuck.body()).isEqualTo(201);

		space("stuck-space");
		String vpn = json(this.http.send("POST", "/spaces/stuck-space/vpn-connections",
				"{\"name\": \"office\", \"public_ip\": \"35.161.69.30\", \"routable_cidrs\": [\"172.16.0.0/16\"]}"), 201)
			.get("id").asString();
		assertThat(state("/spaces/stuck-space/vpn-connections/" + vpn)).isEqualTo("provisioning");
		this.clock.advance(Duration.ofHours(3));
		this.sim.state().settle();
		JsonNode connection = json(this.http.get("/spaces/stuck-space/vpn-connections/" + vpn), 200);
		assertThat(connection.get("status").asString()).isEqualTo("failed");
		assertThat(connection.get("status_message").asString()).contains("IPsec tunnel");
		assertThat(state("/spaces/stuck-space")).isEqualTo("allocating");
		assertThat(state("/spaces/stuck-space/nat")).isEqualTo("updating");
		assertThat(this.sim.state().failures().active()).isEmpty();

		HttpResponse<String> bad = Http.admin(this.sim).send("POST", "/__simulator/failures", "{\"kind\": \"stuck\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("needs the resource");
		HttpResponse<String> derived = Http.admin(this.sim).send("POST", "/__simulator/failures",
				"{\"kind\": \"failed\", \"resource\": \"space-nat\"}");
		assertThat(derived.statusCode()).isEqualTo(400);
		assertThat(derived.body()).contains("no lifecycle 'space-nat'", "follows its space");
	}

}
