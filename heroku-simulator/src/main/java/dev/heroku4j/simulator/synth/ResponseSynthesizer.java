package dev.heroku4j.simulator.synth;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;

import dev.heroku4j.simulator.schema.HerokuSchema;
import dev.heroku4j.simulator.schema.Link;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a JSON value that matches a schema, preferring the schema's own {@code example}s so that responses look like
 * the ones in Heroku's documentation. Objects get every declared property, arrays exactly one item; {@code anyOf} and
 * {@code oneOf} take their first branch.
 */
public final class ResponseSynthesizer {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int MAX_DEPTH = 16;

	/** Values for formats when a schema has no example. */
	private static final Map<String, String> FORMAT_SAMPLES = Map.of("date-time", "2012-01-01T12:00:00Z", "date",
			"2012-01-01", "uuid", "01234567-89ab-cdef-0123-456789abcdef", "email", "username@example.com", "uri",
			"https://example.com", "ipv4", "192.0.2.1");

	private final HerokuSchema schema;

	public ResponseSynthesizer(HerokuSchema schema) {
		this.schema = schema;
	}

	/** The body for a link, or {@code null} for {@code rel: empty}. */
	public JsonNode forLink(Link link) {
		return link.isEmpty() ? null : synthesize(this.schema.responseSchema(link));
	}

	/** A sample instance of a definition, e.g. {@code app}. */
	public ObjectNode forDefinition(String definition) {
		JsonNode node = synthesize(this.schema.at("/definitions/" + definition));
		return node instanceof ObjectNode object ? object : NODES.objectNode();
	}

	public JsonNode synthesize(JsonNode schemaNode) {
		return synthesize(schemaNode, 0);
	}

	private JsonNode synthesize(JsonNode node, int depth) {
		JsonNode s = this.schema.deref(node);
		if (s == null || !s.isObject() || depth > MAX_DEPTH) {
			return NODES.nullNode();
		}
		if (s.has("anyOf") || s.has("oneOf")) {
			JsonNode branches = s.has("anyOf") ? s.get("anyOf") : s.get("oneOf");
			if (branches.size() > 0) {
				return synthesize(branches.get(0), depth + 1);
			}
		}
		String type = primaryType(s);
		JsonNode example = s.get("example");
		switch (type) {
			case "object" -> {
				if (s.has("properties")) {
					ObjectNode object = NODES.objectNode();
					for (Map.Entry<String, JsonNode> property : s.get("properties").properties()) {
						object.set(property.getKey(), synthesize(property.getValue(), depth + 1));
					}
					return object;
				}
				return (example != null && example.isObject()) ? example.deepCopy() : NODES.objectNode();
			}
			case "array" -> {
				if (example != null && example.isArray() && !s.path("items").has("properties")
						&& !isObjectRef(s.path("items"))) {
					return example.deepCopy();
				}
				ArrayNode array = NODES.arrayNode();
				if (s.has("items")) {
					array.add(synthesize(s.get("items"), depth + 1));
				}
				return array;
			}
			case "null" -> {
				return NODES.nullNode();
			}
			default -> {
				return scalar(s, type, example);
			}
		}
	}

	private JsonNode scalar(JsonNode s, String type, JsonNode example) {
		if (s.has("enum") && s.get("enum").size() > 0) {
			return s.get("enum").get(0).deepCopy();
		}
		if (example != null && !example.isContainer() && !example.isNull() && fits(type, example)
				&& fitsFormat(s.path("format").asString(""), example)) {
			return example.deepCopy();
		}
		return switch (type) {
			case "integer" -> NODES.numberNode(s.path("minimum").asInt(0));
			case "number" -> NODES.numberNode(s.path("minimum").asDouble(0.0));
			case "boolean" -> NODES.booleanNode(true);
			default -> NODES.stringNode(FORMAT_SAMPLES.getOrDefault(s.path("format").asString(""), "example"));
		};
	}

	private static boolean fits(String type, JsonNode example) {
		return switch (type) {
			case "integer" -> example.isIntegralNumber();
			case "number" -> example.isNumber();
			case "boolean" -> example.isBoolean();
			case "string" -> example.isString();
			default -> true;
		};
	}

	/** Some of Heroku's examples break their own format (a bare hostname as a {@code uri}): those are not used. */
	private static boolean fitsFormat(String format, JsonNode example) {
		String text = example.asString();
		try {
			return switch (format) {
				case "date-time" -> OffsetDateTime.parse(text) != null;
				case "uri" -> URI.create(text).isAbsolute();
				default -> true;
			};
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private boolean isObjectRef(JsonNode items) {
		JsonNode resolved = this.schema.deref(items);
		return resolved != null && "object".equals(primaryType(resolved));
	}

	/** The first non-null type; a list like {@code ["null","string"]} gives {@code string}. */
	static String primaryType(JsonNode s) {
		JsonNode type = s.get("type");
		if (type == null) {
			if (s.has("properties")) {
				return "object";
			}
			if (s.has("items")) {
				return "array";
			}
			return "string";
		}
		if (type.isString()) {
			return type.asString();
		}
		String fallback = "null";
		for (JsonNode t : type) {
			if (!"null".equals(t.asString())) {
				return t.asString();
			}
		}
		return fallback;
	}

}
