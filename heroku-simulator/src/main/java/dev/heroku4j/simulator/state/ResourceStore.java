package dev.heroku4j.simulator.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's in-memory data: resources as JSON objects, kept per definition name in creation order. Plain
 * collections guarded by the instance lock; a simulator answers one test's requests, so contention does not matter.
 */
public final class ResourceStore {

	/** Fields that can name a resource in a path, in the order Heroku's identities use them. */
	private static final List<String> IDENTITY_FIELDS = List.of("id", "name", "hostname", "email", "type", "version");

	private final Map<String, List<ObjectNode>> resources = new LinkedHashMap<>();

	private final Map<String, ObjectNode> configVars = new LinkedHashMap<>();

	private final Map<String, byte[]> blobs = new LinkedHashMap<>();

	public synchronized void add(String definition, ObjectNode item) {
		this.resources.computeIfAbsent(definition, d -> new ArrayList<>()).add(item);
	}

	public synchronized boolean remove(String definition, ObjectNode item) {
		return this.resources.getOrDefault(definition, new ArrayList<>()).remove(item);
	}

	public synchronized void removeIf(String definition, Predicate<ObjectNode> filter) {
		this.resources.getOrDefault(definition, new ArrayList<>()).removeIf(filter);
	}

	/** A snapshot of the items of a definition that pass the filter. */
	public synchronized List<ObjectNode> list(String definition, Predicate<ObjectNode> filter) {
		return this.resources.getOrDefault(definition, List.of()).stream().filter(filter).toList();
	}

	/** The item whose id, name, hostname, email, type, version or user email equals {@code identity}. */
	public synchronized Optional<ObjectNode> find(String definition, String identity, Predicate<ObjectNode> filter) {
		return list(definition, filter).stream().filter(item -> matches(item, identity)).findFirst();
	}

	public synchronized ObjectNode configVars(String appId) {
		return this.configVars.computeIfAbsent(appId, id -> tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
	}

	public synchronized void dropConfigVars(String appId) {
		this.configVars.remove(appId);
	}

	public synchronized void putBlob(String id, byte[] content) {
		this.blobs.put(id, content);
	}

	public synchronized Optional<byte[]> blob(String id) {
		return Optional.ofNullable(this.blobs.get(id));
	}

	public synchronized void clear() {
		this.resources.clear();
		this.configVars.clear();
		this.blobs.clear();
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
