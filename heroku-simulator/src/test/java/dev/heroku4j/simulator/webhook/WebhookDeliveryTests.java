package dev.heroku4j.simulator.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks registered on the simulator receive real signed deliveries of its state changes, through a real HTTP
 * receiver on 127.0.0.1, and every webhook answer passes the simulator's judge of Heroku's schema.
 */
class WebhookDeliveryTests {

	/** One request the receiver got. */
	record Received(Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}

		JsonNode json() {
			return Http.MAPPER.readTree(this.body);
		}

	}

	private HerokuSimulator sim;

	private Http http;

	private HttpServer receiver;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	/** Statuses the receiver answers, in turn; 204 once they are used up. */
	private final List<Integer> answers = new ArrayList<>();

	private final AtomicInteger answered = new AtomicInteger();

	@BeforeEach
	void start() throws IOException {
		this.sim = HerokuSimulator.builder().seed("demo").webhookRetries(3, Duration.ofMillis(20)).start();
		this.http = new Http(this.sim);
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				this.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes()));
			}
			int n = this.answered.getAndIncrement();
			exchange.sendResponseHeaders(n < this.answers.size() ? this.answers.get(n) : 204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
		this.sim.close();
	}

	private String url() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
	}

	private JsonNode ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(this.sim.journal().last().responseMessages()).as("response judged against targetSchema").isEmpty();
		return Http.json(response);
	}

	private JsonNode register(String level, String include) {
		return ok(this.http.send("POST", "/apps/demo-storefront/webhooks", "{\"url\": \"" + url() + "\", \"include\": [\""
				+ include + "\"], \"level\": \"" + level + "\", \"secret\": \"s3cret\", \"authorization\": \"Bearer hook\"}"), 201);
	}

	private void scale(int quantity) {
		ok(this.http.send("PATCH", "/apps/demo-storefront/formation/web", "{\"quantity\": " + quantity + "}"), 200);
	}

	private Received next() throws InterruptedException {
		Received delivery = this.received.poll(10, TimeUnit.SECONDS);
		assertThat(delivery).as("a delivery within 10 s").isNotNull();
		return delivery;
	}

	private JsonNode deliveries() {
		return ok(this.http.get("/apps/demo-storefront/webhook-deliveries"), 200);
	}

	/** Waits until the only delivery is no longer pending or retrying. */
	private JsonNode settled() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			JsonNode list = deliveries();
			String status = list.path(0).path("status").asString();
			if (list.size() == 1 && (status.equals("succeeded") || status.equals("failed"))) {
				return list.get(0);
			}
			Thread.sleep(20);
		}
		throw new AssertionError("delivery did not settle: " + deliveries());
	}

	@Test
	void formationChange_isDeliveredSignedWithHerokusHeadersAndEnvelope() throws Exception {
		JsonNode webhook = register("notify", "api:formation");
		assertThat(webhook.has("secret")).as("the secret is never answered").isFalse();
		scale(3);
		Received delivery = next();
		assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
		assertThat(delivery.header("Authorization")).isEqualTo("Bearer hook");
		assertThat(delivery.header("Heroku-Webhook-Hmac-SHA256")).isEqualTo(hmac(delivery.body(), "s3cret"));
		JsonNode event = delivery.json();
		assertThat(event.path("action").asString()).isEqualTo("update");
		assertThat(event.path("resource").asString()).isEqualTo("formation");
		assertThat(event.at("/data/type").asString()).isEqualTo("web");
		assertThat(event.at("/data/quantity").asInt()).isEqualTo(3);
		assertThat(event.at("/data/app/name").asString()).isEqualTo("demo-storefront");
		assertThat(event.at("/webhook_metadata/event/include").asString()).isEqualTo("api:formation");
		assertThat(event.at("/webhook_metadata/webhook/id").asString()).isEqualTo(webhook.get("id").asString());
		assertThat(event.path("sequence").asString()).isNotEmpty();
		JsonNode record = settled();
		assertThat(record.path("status").asString()).isEqualTo("succeeded");
		assertThat(record.path("num_attempts").asInt()).isEqualTo(1);
		assertThat(record.at("/last_attempt/code").asInt()).isEqualTo(204);
		assertThat(event.at("/webhook_metadata/delivery/id").asString()).isEqualTo(record.get("id").asString());
		assertThat(event.at("/webhook_metadata/event/id").asString()).isEqualTo(record.at("/event/id").asString());
		JsonNode one = ok(this.http.get("/apps/demo-storefront/webhook-deliveries/" + record.get("id").asString()), 200);
		assertThat(one.get("id")).isEqualTo(record.get("id"));
		JsonNode events = ok(this.http.get("/apps/demo-storefront/webhook-events"), 200);
		assertThat(events).hasSize(1);
		assertThat(events.at("/0/payload/data/quantity").asInt()).isEqualTo(3);
		assertThat(this.received).as("nothing sent twice").isEmpty();
	}

	@Test
	void otherEntities_areNotDelivered() throws Exception {
		register("notify", "api:release");
		scale(2);
		ok(this.http.send("PATCH", "/apps/demo-storefront/config-vars", "{\"A\": \"1\"}"), 200);
		JsonNode event = next().json();
		assertThat(event.at("/webhook_metadata/event/include").asString()).isEqualTo("api:release");
		assertThat(event.at("/data/description").asString()).isEqualTo("Set A config vars");
		assertThat(this.received.poll(300, TimeUnit.MILLISECONDS)).as("no formation delivery").isNull();
	}

	@Test
	void syncWebhook_isRetriedWithTheSameDeliveryIdUntilA2xx() throws Exception {
		this.answers.addAll(List.of(500, 503));
		register("sync", "api:formation");
		scale(2);
		List<JsonNode> attempts = List.of(next().json(), next().json(), next().json());
		assertThat(attempts).extracting(a -> a.at("/webhook_metadata/delivery/id").asString()).containsOnly(
				attempts.get(0).at("/webhook_metadata/delivery/id").asString());
		assertThat(attempts).extracting(a -> a.at("/webhook_metadata/attempt/id").asString()).doesNotHaveDuplicates();
		JsonNode record = settled();
		assertThat(record.path("status").asString()).isEqualTo("succeeded");
		assertThat(record.path("num_attempts").asInt()).isEqualTo(3);
	}

	@Test
	void syncWebhook_givesUpAfterItsAttempts_notifyAfterOne() throws Exception {
		this.answers.addAll(List.of(500, 500, 500, 500));
		register("sync", "api:formation");
		scale(2);
		JsonNode record = settled();
		assertThat(record.path("status").asString()).isEqualTo("failed");
		assertThat(record.path("num_attempts").asInt()).isEqualTo(3);
		assertThat(record.at("/last_attempt/code").asInt()).isEqualTo(500);
		assertThat(this.received).hasSize(3);
	}

	@Test
	void nonLoopbackUrl_isNeverContacted() throws Exception {
		ok(this.http.send("POST", "/apps/demo-storefront/webhooks", "{\"url\": \"http://10.255.255.1/hooks\", \"include\": "
				+ "[\"api:formation\"], \"level\": \"sync\", \"secret\": \"s\"}"), 201);
		scale(2);
		JsonNode record = settled();
		assertThat(record.path("status").asString()).isEqualTo("failed");
		assertThat(record.at("/last_attempt/error_class").asString()).isEqualTo("NonLoopbackTarget");
		assertThat(record.path("num_attempts").asInt()).as("not retried").isEqualTo(1);
	}

	@Test
	void webhooks_listInfoUpdateDelete() throws Exception {
		String id = register("notify", "api:formation").get("id").asString();
		assertThat(ok(this.http.get("/apps/demo-storefront/webhooks"), 200)).hasSize(1);
		JsonNode updated = ok(this.http.send("PATCH", "/apps/demo-storefront/webhooks/" + id,
				"{\"include\": [\"api:release\"], \"secret\": \"n3w\"}"), 200);
		assertThat(updated.path("include").get(0).asString()).isEqualTo("api:release");
		assertThat(ok(this.http.get("/apps/demo-storefront/webhooks/" + id), 200).path("url").asString()).isEqualTo(url());
		ok(this.http.send("PATCH", "/apps/demo-storefront/config-vars", "{\"A\": \"1\"}"), 200);
		Received delivery = next();
		assertThat(delivery.header("Heroku-Webhook-Hmac-SHA256")).as("signed with the new secret")
			.isEqualTo(hmac(delivery.body(), "n3w"));
		ok(this.http.send("DELETE", "/apps/demo-storefront/webhooks/" + id, null), 200);
		assertThat(this.http.get("/apps/demo-storefront/webhooks/" + id).statusCode()).isEqualTo(404);
		scale(2);
		ok(this.http.send("PATCH", "/apps/demo-storefront/config-vars", "{\"B\": \"1\"}"), 200);
		assertThat(this.received.poll(300, TimeUnit.MILLISECONDS)).as("nothing after delete").isNull();
		assertThat(this.sim.journal().invalid()).isEmpty();
	}

	@Test
	void reset_forgetsWebhooks() {
		register("notify", "api:formation");
		this.sim.reset();
		assertThat(ok(this.http.get("/apps/demo-storefront/webhooks"), 200)).isEmpty();
	}

	private static String hmac(byte[] body, String secret) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(body));
	}

}
