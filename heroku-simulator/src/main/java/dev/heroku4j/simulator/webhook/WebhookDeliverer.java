package dev.heroku4j.simulator.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.heroku4j.simulator.state.ResourceStore;
import dev.heroku4j.simulator.state.StateEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns state changes into webhook deliveries, as Heroku does: for each webhook of the app that includes the entity,
 * one event and one delivery, POSTed as JSON and signed with the webhook's secret in
 * {@value #SIGNATURE_HEADER} (base64 HMAC-SHA256 of the exact body; no header for a webhook without a secret), with
 * its {@code Authorization} when one was registered. A {@code sync} webhook is retried on a non-2xx answer or a failed connection, with doubling back-off,
 * up to {@link #maxAttempts} attempts; a {@code notify} one gets one attempt. Only loopback URLs are contacted:
 * anything else is recorded as a failed delivery and never sent. Deliveries run on two daemon threads, never on the
 * thread that changed the state.
 */
public final class WebhookDeliverer implements StateEvents.Listener, AutoCloseable {

	public static final String SIGNATURE_HEADER = "Heroku-Webhook-Hmac-SHA256";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final WebhookRegistry registry;

	private final Duration firstBackoff;

	private final int maxAttempts;

	private final AtomicLong sequence = new AtomicLong();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "heroku-simulator-webhooks");
		thread.setDaemon(true);
		return thread;
	});

	public WebhookDeliverer(WebhookRegistry registry, Duration firstBackoff, int maxAttempts) {
		this.registry = registry;
		this.firstBackoff = firstBackoff;
		this.maxAttempts = maxAttempts;
	}

	public int maxAttempts() {
		return this.maxAttempts;
	}

	@Override
	public void changed(StateEvents.Change change) {
		if (change.app() == null || !change.app().hasNonNull("id")) {
			return;
		}
		String appId = change.app().get("id").asString();
		ObjectNode event = null;
		for (WebhookRegistry.Webhook webhook : this.registry.webhooks(appId)) {
			if (!webhook.includes(change.entity())) {
				continue;
			}
			if (event == null) {
				event = event(change);
				this.registry.addEvent(appId, event);
			}
			ObjectNode delivery = delivery(event, webhook);
			this.registry.addDelivery(appId, delivery);
			ObjectNode envelope = envelope(event, change);
			this.executor.execute(() -> attempt(webhook, delivery, envelope));
		}
	}

	/** The {@code app-webhook-event}: its id, entity and the payload Heroku keeps. */
	private ObjectNode event(StateEvents.Change change) {
		String now = ResourceStore.now();
		ObjectNode event = NODES.objectNode();
		event.put("created_at", now).put("id", ResourceStore.newId()).put("include", change.entity());
		ObjectNode payload = event.putObject("payload");
		payload.put("action", change.action());
		JsonNode owner = change.app().path("owner");
		payload.putObject("actor").put("email", owner.path("email").asString("")).put("id", owner.path("id").asString(""));
		payload.set("data", change.resource().deepCopy());
		payload.putObject("previous_data");
		payload.put("resource", resource(change.entity()));
		payload.put("version", "application/vnd.heroku+json; version=3");
		event.put("updated_at", now);
		return event;
	}

	private static ObjectNode delivery(ObjectNode event, WebhookRegistry.Webhook webhook) {
		String now = ResourceStore.now();
		ObjectNode delivery = NODES.objectNode();
		delivery.put("created_at", now);
		delivery.putObject("event").put("id", event.get("id").asString()).put("include", event.get("include").asString());
		delivery.put("id", ResourceStore.newId()).put("num_attempts", 0).putNull("next_attempt_at");
		delivery.putNull("last_attempt");
		delivery.put("status", "pending").put("updated_at", now);
		delivery.putObject("webhook").put("id", webhook.id()).put("level", webhook.view().path("level").asString());
		return delivery;
	}

	/** What is POSTed, without the per-attempt metadata. */
	private ObjectNode envelope(ObjectNode event, StateEvents.Change change) {
		ObjectNode payload = (ObjectNode) event.get("payload");
		ObjectNode envelope = NODES.objectNode();
		envelope.put("id", event.get("id").asString());
		envelope.set("data", payload.get("data"));
		envelope.set("actor", payload.get("actor"));
		envelope.put("action", change.action());
		envelope.put("version", payload.get("version").asString());
		envelope.put("resource", payload.get("resource").asString());
		envelope.put("sequence", Long.toString(this.sequence.incrementAndGet()));
		envelope.put("created_at", event.get("created_at").asString());
		envelope.put("updated_at", event.get("updated_at").asString());
		envelope.put("published_at", ResourceStore.now());
		envelope.set("previous_data", payload.get("previous_data"));
		return envelope;
	}

	private void attempt(WebhookRegistry.Webhook webhook, ObjectNode delivery, ObjectNode envelope) {
		String attemptId = ResourceStore.newId();
		ObjectNode body = envelope.deepCopy();
		ObjectNode metadata = body.putObject("webhook_metadata");
		metadata.putObject("attempt").put("id", attemptId);
		metadata.putObject("delivery").put("id", delivery.get("id").asString());
		metadata.putObject("event").put("id", envelope.get("id").asString()).put("include", delivery.path("event").path("include").asString());
		metadata.putObject("webhook").put("id", webhook.id());
		byte[] bytes = JSON.writeValueAsBytes(body);
		String started = ResourceStore.now();
		Integer code = null;
		String errorClass = null;
		URI target = URI.create(webhook.url());
		boolean loopback = isLoopback(target);
		if (!loopback) {
			errorClass = "NonLoopbackTarget";
		}
		else {
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("User-Agent", "heroku-simulator-webhooks")
					.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
				if (!webhook.secret().isEmpty()) {
					request.header(SIGNATURE_HEADER, sign(bytes, webhook.secret()));
				}
				if (!webhook.authorization().isEmpty()) {
					request.header("Authorization", webhook.authorization());
				}
				code = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				errorClass = ex.getClass().getSimpleName();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				errorClass = "Interrupted";
			}
		}
		boolean succeeded = code != null && code / 100 == 2;
		int attempts = delivery.get("num_attempts").asInt() + 1;
		boolean retry = !succeeded && webhook.sync() && loopback && attempts < this.maxAttempts
				&& !this.executor.isShutdown();
		Duration backoff = this.firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
		Integer answered = code;
		String error = errorClass;
		this.registry.update(() -> {
			String now = ResourceStore.now();
			ObjectNode last = delivery.putObject("last_attempt");
			last.put("id", attemptId);
			if (answered != null) {
				last.put("code", answered);
			}
			else {
				last.putNull("code");
			}
			last.put("error_class", error);
			last.put("status", succeeded ? "succeeded" : "failed").put("created_at", started).put("updated_at", now);
			delivery.put("num_attempts", attempts).put("updated_at", now);
			delivery.put("status", succeeded ? "succeeded" : retry ? "retrying" : "failed");
			if (retry) {
				delivery.put("next_attempt_at", Instant.now().plus(backoff).toString());
			}
			else {
				delivery.putNull("next_attempt_at");
			}
		});
		if (retry) {
			this.executor.schedule(() -> attempt(webhook, delivery, envelope), backoff.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** {@code api:addon-attachment} is resource {@code addon-attachment}; {@code dyno} is {@code dyno}. */
	static String resource(String entity) {
		return entity.startsWith("api:") ? entity.substring(4) : entity;
	}

	static boolean isLoopback(URI target) {
		if (target.getHost() == null || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))) {
			return false;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
				if (!address.isLoopbackAddress()) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	static String sign(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
