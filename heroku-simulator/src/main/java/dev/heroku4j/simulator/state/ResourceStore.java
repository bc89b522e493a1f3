package dev.heroku4j.simulator.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's in-memory data: resources as JSON objects, kept per definition name in creation order. Items that
 * embed their app ({@code "app": {"id": ...}}) are also indexed by that app and every item by its id, so reading one
 * app's dynos or one resource by id costs the size of that app's data, not of the whole account. Plain collections
 * guarded by the instance lock.
 */
public final class ResourceStore {

	/** Fields that can name a resource in a path, in the order Heroku's identities use them (drains: url, token). */
	private static final List<String> IDENTITY_FIELDS = List.of("id", "name", "hostname", "email", "type", "version",
			"url", "token");

	private final Map<String, List<ObjectNode>> resources = new LinkedHashMap<>();

	/** definition -> app id -> items of that app, in creation order. */
	private final Map<String, Map<String, List<ObjectNode>>> byApp = new HashMap<>();

	/** definition -> id -> item. */
	private final Map<String, Map<String, ObjectNode>> byId = new HashMap<>();

	private final Map<String, ObjectNode> configVars = new LinkedHashMap<>();

	private final Map<String, ObjectNode> extras = new HashMap<>();

	private final Map<String, byte[]> blobs = new LinkedHashMap<>();

	public synchronized void add(String definition, ObjectNode item) {
		this.resources.computeIfAbsent(definition, d -> new ArrayList<>()).add(item);
		String app = owner(item);
		if (app != null) {
			this.byApp.computeIfAbsent(definition, d -> new HashMap<>()).computeIfAbsent(app, a -> new ArrayList<>()).add(item);
		}
		JsonNode id = item.get("id");
		if (id != null && id.isString()) {
			this.byId.computeIfAbsent(definition, d -> new HashMap<>()).put(id.asString(), item);
		}
	}

	public synchronized boolean remove(String definition, ObjectNode item) {
		boolean removed = this.resources.getOrDefault(definition, new ArrayList<>()).remove(item);
		unindex(definition, item);
		return removed;
	}

	public synchronized void removeIf(String definition, Predicate<ObjectNode> filter) {
		List<ObjectNode> doomed = list(definition, filter);
		if (!doomed.isEmpty()) {
			this.resources.get(definition).removeIf(filter);
			doomed.forEach(item -> unindex(definition, item));
		}
	}

	/** Removes every item of the app (costs the app's own items plus one pass per definition that has any). */
	public synchronized void removeApp(String definition, String appId) {
		List<ObjectNode> own = ofApp(definition, appId);
		if (!own.isEmpty()) {
			java.util.Set<ObjectNode> doomed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
			doomed.addAll(own);
			this.resources.get(definition).removeIf(doomed::contains);
			own.forEach(item -> unindex(definition, item));
		}
	}

	/** A snapshot of the items of a definition that pass the filter. */
	public synchronized List<ObjectNode> list(String definition, Predicate<ObjectNode> filter) {
		return this.resources.getOrDefault(definition, List.of()).stream().filter(filter).toList();
	}

	/** A snapshot of the items of a definition that embed the app {@code appId}, in creation order. */
	public synchronized List<ObjectNode> ofApp(String definition, String appId) {
		return List.copyOf(this.byApp.getOrDefault(definition, Map.of()).getOrDefault(appId, List.of()));
	}

	/** The item whose id, name, hostname, email, type, version or user email equals {@code identity}. */
	public synchronized Optional<ObjectNode> find(String definition, String identity, Predicate<ObjectNode> filter) {
		ObjectNode byId = this.byId.getOrDefault(definition, Map.of()).get(identity);
		if (byId != null) {
			return filter.test(byId) ? Optional.of(byId) : Optional.empty();
		}
		return this.resources.getOrDefault(definition, List.of()).stream()
			.filter(item -> matches(item, identity))
			.filter(filter)
			.findFirst();
	}

	/** Like {@link #find} among one app's items only. */
	public synchronized Optional<ObjectNode> findOfApp(String definition, String appId, String identity) {
		return this.byApp.getOrDefault(definition, Map.of()).getOrDefault(appId, List.of()).stream()
			.filter(item -> matches(item, identity))
			.findFirst();
	}

	public synchronized ObjectNode configVars(String appId) {
		return this.configVars.computeIfAbsent(appId, id -> JsonNodeFactory.instance.objectNode());
	}

	public synchronized void dropConfigVars(String appId) {
		this.configVars.remove(appId);
	}

	/** Data Heroku keeps but never shows in the resource itself (a webhook's secret, an app's buildpacks), by key. */
	public synchronized ObjectNode extra(String key) {
		return this.extras.computeIfAbsent(key, k -> JsonNodeFactory.instance.objectNode());
	}

	public synchronized void dropExtra(String key) {
		this.extras.remove(key);
	}

	public synchronized void putBlob(String id, byte[] content) {
		this.blobs.put(id, content);
	}

	public synchronized Optional<byte[]> blob(String id) {
		return Optional.ofNullable(this.blobs.get(id));
	}

	public synchronized void clear() {
		this.resources.clear();
		this.byApp.clear();
		this.byId.clear();
		this.configVars.clear();
		this.extras.clear();
		this.blobs.clear();
	}

	private void unindex(String definition, ObjectNode item) {
		String app = owner(item);
		if (app != null) {
			List<ObjectNode> own = this.byApp.getOrDefault(definition, Map.of()).get(app);
			if (own != null) {
				own.removeIf(other -> other == item);
			}
		}
		JsonNode id = item.get("id");
		if (id != null && id.isString()) {
			this.byId.getOrDefault(definition, new HashMap<>()).remove(id.asString(), item);
		}
	}

	/** The id of the app an item embeds; an app is not owned by itself. */
	private static String owner(ObjectNode item) {
		JsonNode id = item.path("app").path("id");
		return id.isString() && !item.has("git_url") ? id.asString() : null;
	}

	static boolean matches(ObjectNode item, String identity) {
		for (String field : IDENTITY_FIELDS) {
			JsonNode value = item.get(field);
			if (value != null && value.isValueNode() && identity.equals(value.asString())) {
				return true;
			}
		}
		JsonNode userEmail = item.path("user").get("email");
		return userEmail != null && identity.equals(userEmail.asString());
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/** Heroku's timestamps have second precision: {@code 2012-01-01T12:00:00Z}. */
	public static String now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
