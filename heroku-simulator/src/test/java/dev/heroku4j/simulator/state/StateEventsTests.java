package dev.heroku4j.simulator.state;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The events the state fires: Heroku's webhook entities and actions, after the change, outside the lock. */
class StateEventsTests {

	@Test
	void changesFireHerokusEntitiesAndActions_inOrder() {
		try (HerokuSimulator sim = HerokuSimulator.builder().timings(Timings.INSTANT).start()) {
			List<String> seen = new CopyOnWriteArrayList<>();
			sim.state().events().listen(change -> seen.add(change.entity() + " " + change.action()));
			Http http = new Http(sim);
			http.send("POST", "/apps", "{\"name\": \"evt-app\"}");
			http.send("PATCH", "/apps/evt-app/config-vars", "{\"A\": \"1\"}");
			http.send("POST", "/apps/evt-app/builds", "{\"source_blob\": {\"url\": \"https://example.com/s.tgz\"}}");
			http.get("/apps/evt-app/builds");
			http.send("POST", "/apps/evt-app/addons", "{\"plan\": \"heroku-redis:mini\"}");
			http.send("POST", "/apps/evt-app/domains", "{\"hostname\": \"evt.example.com\", \"sni_endpoint\": null}");
			http.send("POST", "/apps/evt-app/sni-endpoints", "{\"certificate_chain\": \"c\", \"private_key\": \"k\"}");
			http.get("/apps/evt-app/dynos"); // the dyno boot is due
			http.send("DELETE", "/apps/evt-app", null);

			assertThat(seen).as(seen.toString()).containsSubsequence("api:app create", "api:release create", "api:release create",
					"api:build create", "api:release create", "api:build update", "api:formation create", "dyno create",
					"dyno update", "api:addon create", "api:addon-attachment create", "api:domain create",
					"api:sni-endpoint create", "api:app destroy");
		}
	}

	@Test
	void eventsCarryTheAppAndACopyOfTheResource_andAreFiredOutsideTheLock() throws Exception {
		try (HerokuSimulator sim = HerokuSimulator.start()) {
			CompletableFuture<String> otherThread = new CompletableFuture<>();
			List<StateEvents.Change> changes = new CopyOnWriteArrayList<>();
			sim.state().events().listen(change -> {
				changes.add(change);
				// another thread must get into the state while the listener runs: the lock is not held
				CompletableFuture<String> read = CompletableFuture.supplyAsync(
						() -> sim.state().findApp("lock-app").map(a -> a.get("name").asString()).orElse("none"));
				try {
					otherThread.complete(read.get(5, TimeUnit.SECONDS));
				}
				catch (Exception ex) {
					otherThread.completeExceptionally(ex);
				}
			});
			sim.state().createApp("lock-app", "eu", null);
			assertThat(otherThread.get(10, TimeUnit.SECONDS)).isEqualTo("lock-app");
			StateEvents.Change first = changes.get(0);
			assertThat(first.entity()).isEqualTo("api:app");
			assertThat(first.app().get("name").asString()).isEqualTo("lock-app");
			((tools.jackson.databind.node.ObjectNode) first.resource()).put("name", "changed-by-listener");
			assertThat(sim.state().findApp("lock-app")).as("the listener's copy is its own").isPresent();
		}
	}

}
