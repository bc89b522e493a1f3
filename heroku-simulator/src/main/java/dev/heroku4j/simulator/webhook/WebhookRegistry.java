package dev.heroku4j.simulator.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.heroku4j.simulator.state.ResourceStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's app webhooks, their events and delivery records. The secret and authorization of a webhook are
 * kept here and never answered (Heroku does not show them again either). The latest {@value #KEEP} events and
 * deliveries per app are kept.
 */
public final class WebhookRegistry {

	static final int KEEP = 1000;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** One subscription: what the API shows, and what only the sender needs. */
	public record Webhook(String appId, ObjectNode view, String secret, String authorization) {

		public String id() {
			return this.view.get("id").asString();
		}

		public String url() {
			return this.view.get("url").asString();
		}

		public boolean sync() {
			return "sync".equals(this.view.path("level").asString());
		}

		public boolean includes(String entity) {
			for (JsonNode include : this.view.path("include")) {
				if (entity.equals(include.asString())) {
					return true;
				}
			}
			return false;
		}

	}

	private final Map<String, Webhook> webhooks = new LinkedHashMap<>();

	private final Map<String, Deque<ObjectNode>> events = new LinkedHashMap<>();

	private final Map<String, Deque<ObjectNode>> deliveries = new LinkedHashMap<>();

	public synchronized Webhook create(ObjectNode app, JsonNode body) {
		ObjectNode view = NODES.objectNode();
		view.putObject("app").put("id", app.get("id").asString()).put("name", app.get("name").asString());
		String now = ResourceStore.now();
		view.put("created_at", now).put("id", ResourceStore.newId());
		view.set("include", body.path("include").deepCopy());
		view.put("level", body.path("level").asString("notify"));
		view.put("updated_at", now).put("url", body.path("url").asString());
		Webhook webhook = new Webhook(app.get("id").asString(), view, body.path("secret").asString(""),
				body.path("authorization").asString(""));
		this.webhooks.put(webhook.id(), webhook);
		return webhook;
	}

	public synchronized Webhook update(Webhook webhook, JsonNode body) {
		ObjectNode view = webhook.view();
		if (body.has("include")) {
			view.set("include", body.get("include").deepCopy());
		}
		for (String field : List.of("level", "url")) {
			if (body.hasNonNull(field)) {
				view.put(field, body.get(field).asString());
			}
		}
		view.put("updated_at", ResourceStore.now());
		String secret = body.has("secret") ? body.path("secret").asString("") : webhook.secret();
		String authorization = body.has("authorization") ? body.path("authorization").asString("") : webhook.authorization();
		Webhook updated = new Webhook(webhook.appId(), view, secret, authorization);
		this.webhooks.put(updated.id(), updated);
		return updated;
	}

	public synchronized void delete(Webhook webhook) {
		this.webhooks.remove(webhook.id());
	}

	public synchronized List<Webhook> webhooks(String appId) {
		return this.webhooks.values().stream().filter(w -> w.appId().equals(appId)).toList();
	}

	public synchronized Optional<Webhook> webhook(String appId, String id) {
		return Optional.ofNullable(this.webhooks.get(id)).filter(w -> w.appId().equals(appId));
	}

	synchronized void addEvent(String appId, ObjectNode event) {
		keep(this.events, appId, event);
	}

	synchronized void addDelivery(String appId, ObjectNode delivery) {
		keep(this.deliveries, appId, delivery);
	}

	/** Runs a change to a delivery record under the registry's lock, so a reader never sees half of it. */
	synchronized void update(Runnable change) {
		change.run();
	}

	public synchronized ArrayNode events(String appId) {
		return copy(this.events.get(appId));
	}

	public synchronized ArrayNode deliveries(String appId) {
		return copy(this.deliveries.get(appId));
	}

	public synchronized void clear() {
		this.webhooks.clear();
		this.events.clear();
		this.deliveries.clear();
	}

	private static void keep(Map<String, Deque<ObjectNode>> lists, String appId, ObjectNode item) {
		Deque<ObjectNode> list = lists.computeIfAbsent(appId, id -> new ArrayDeque<>());
		list.addLast(item);
		while (list.size() > KEEP) {
			list.removeFirst();
		}
	}

	private static ArrayNode copy(Deque<ObjectNode> items) {
		ArrayNode array = NODES.arrayNode();
		new ArrayList<>(items == null ? List.of() : items).forEach(item -> array.add(item.deepCopy()));
		return array;
	}

}
