package dev.heroku4j.simulator.synth;

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

	/**
	 * Reshapes a stored resource to this variant's schema: properties it lacks are synthesised, and a property whose
	 * JSON type differs is converted (an embedded {@code {"name": ...}} to its name) or synthesised. Needed because
	 * the two variants disagree on a few shapes, e.g. {@code app.generation} is an object in 3 and a string in 3.sdk.
	 */
	public JsonNode conform(JsonNode value, JsonNode schemaNode) {
		JsonNode s = this.schema.deref(schemaNode);
		if (value == null || s == null) {
			return value;
		}
		if (value.isArray() && s.has("items")) {
			ArrayNode array = NODES.arrayNode();
			value.forEach(item -> array.add(conform(item, s.get("items"))));
			return array;
		}
		if (!(value instanceof ObjectNode object) || !s.has("properties")) {
			return value;
		}
		ObjectNode result = object.deepCopy();
		for (Map.Entry<String, JsonNode> property : s.get("properties").properties()) {
			JsonNode current = result.get(property.getKey());
			JsonNode propertySchema = this.schema.deref(property.getValue());
			if (current == null) {
				result.set(property.getKey(), synthesize(propertySchema));
			}
			else if (propertySchema != null && !current.isNull() && !hasType(propertySchema, current)) {
				result.set(property.getKey(), current.isObject() && current.path("name").isString()
						&& hasType(propertySchema, current.get("name")) ? current.get("name") : synthesize(propertySchema));
			}
		}
		return result;
	}

	private static boolean hasType(JsonNode s, JsonNode value) {
		JsonNode type = s.get("type");
		if (type == null) {
			return true;
		}
		for (JsonNode t : type.isArray() ? type : NODES.arrayNode().add(type)) {
			boolean fits = switch (t.asString()) {
				case "object" -> value.isObject();
				case "array" -> value.isArray();
				case "string" -> value.isString();
				case "integer" -> value.isIntegralNumber();
				case "number" -> value.isNumber();
				case "boolean" -> value.isBoolean();
				case "null" -> value.isNull();
				default -> true;
			};
			if (fits) {
				return true;
			}
		}
		return false;
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
				return (example != null && example.isObject()) ? allowedPart((ObjectNode) example, s) : NODES.objectNode();
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

	/** The example's entries that the schema allows (Heroku's add-on config example has a key its pattern rejects). */
	private static ObjectNode allowedPart(ObjectNode example, JsonNode s) {
		ObjectNode copy = example.deepCopy();
		if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()
				&& s.has("patternProperties")) {
			for (String key : example.propertyNames()) {
				boolean allowed = s.get("patternProperties").propertyNames().stream()
					.anyMatch(regex -> java.util.regex.Pattern.compile(regex).matcher(key).find());
				if (!allowed) {
					copy.remove(key);
				}
			}
		}
		return copy;
	}

	private JsonNode scalar(JsonNode s, String type, JsonNode example) {
		if (s.has("enum") && s.get("enum").size() > 0) {
			return s.get("enum").get(0).deepCopy();
		}
		if (example != null && !example.isContainer() && !example.isNull() && fits(type, example)
				&& HerokuSchema.fitsFormat(s.path("format").asString(""), example.asString())) {
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
