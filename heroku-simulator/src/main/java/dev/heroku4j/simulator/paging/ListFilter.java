package dev.heroku4j.simulator.paging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Heroku's equality filters on lists: {@code GET /pipelines?eq[name]=my-pipeline} keeps the items whose field
 * ({@code owner.id} reaches into an embedded object) equals the value. The Heroku CLI finds pipelines by name this way.
 * Other query parameters are ignored, as before.
 */
public final class ListFilter {

	private ListFilter() {
	}

	/** {@code items} filtered by the query's {@code eq[field]=value} parameters; the same node when there are none. */
	public static JsonNode apply(JsonNode items, String query) {
		Map<String, String> equal = equalities(query);
		if (equal.isEmpty() || !items.isArray()) {
			return items;
		}
		ArrayNode kept = JsonNodeFactory.instance.arrayNode();
		for (JsonNode item : items) {
			if (equal.entrySet().stream().allMatch(e -> e.getValue().equals(value(item, e.getKey())))) {
				kept.add(item);
			}
		}
		return kept;
	}

	private static Map<String, String> equalities(String query) {
		Map<String, String> equal = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return equal;
		}
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=", 2);
			String key;
			try {
				key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				continue; // not a filter we can read: ignored like any other unknown parameter
			}
			if (kv.length == 2 && key.startsWith("eq[") && key.endsWith("]") && key.length() > 4) {
				try {
					equal.put(key.substring(3, key.length() - 1), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
				}
				catch (IllegalArgumentException ex) {
					equal.put(key.substring(3, key.length() - 1), kv[1]);
				}
			}
		}
		return equal;
	}

	private static String value(JsonNode item, String field) {
		JsonNode node = item;
		for (String part : field.split("\\.")) {
			node = node.path(part);
		}
		return node.isValueNode() ? node.asString() : null;
	}

}
