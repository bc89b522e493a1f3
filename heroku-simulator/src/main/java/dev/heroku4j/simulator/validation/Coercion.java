package dev.heroku4j.simulator.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.heroku4j.simulator.schema.HerokuSchema;
import dev.heroku4j.simulator.schema.Link;
import dev.heroku4j.simulator.schema.OperationIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body the way Heroku does before it judges it: walks the body alongside the link's schema and, as
 * {@link RequestRules} say, turns string forms into the integers, numbers and booleans the schema asks for, an object
 * into the identity string it names, and deprecated fields into their current names. Returns a coerced copy; the
 * original is untouched (the journal judges that one).
 */
public final class Coercion {

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

	private static final int MAX_DEPTH = 32;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final OperationIndex index;

	private final RequestRules rules;

	public Coercion(OperationIndex index, RequestRules rules) {
		this.index = index;
		this.rules = rules;
	}

	/** The body as Heroku reads it for this link; the same instance when the link has no body schema. */
	public JsonNode coerce(Link link, JsonNode body) {
		if (!link.hasSchema() || body == null || body.isMissingNode()) {
			return body;
		}
		return walk(this.index.schema(link.variant()), link.schema(), body.deepCopy(), link.definition(), 0);
	}

	private JsonNode walk(HerokuSchema document, JsonNode schema, JsonNode value, String definition, int depth) {
		if (depth > MAX_DEPTH) {
			return value;
		}
		List<JsonNode> alternatives = new ArrayList<>();
		flatten(document, schema, alternatives, 0);
		Set<String> types = new LinkedHashSet<>();
		alternatives.forEach(a -> types(a, types));
		if (value.isString()) {
			return types.contains("string") ? value : fromString(value, types);
		}
		if (value instanceof ObjectNode object) {
			if (!types.contains("object") && types.contains("string")) {
				return identity(object);
			}
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			alternatives.forEach(a -> a.path("properties").properties().forEach(p -> properties.putIfAbsent(p.getKey(), p.getValue())));
			rename(object, properties, definition);
			List<String> names = new ArrayList<>();
			object.properties().forEach(p -> names.add(p.getKey()));
			for (String name : names) {
				JsonNode property = properties.get(name);
				if (property != null) {
					object.set(name, walk(document, property, object.get(name), definition, depth + 1));
				}
			}
			return object;
		}
		if (value instanceof ArrayNode array && types.contains("array")) {
			JsonNode items = alternatives.stream().map(a -> a.get("items")).filter(i -> i != null && i.isObject())
				.findFirst().orElse(null);
			if (items != null) {
				for (int i = 0; i < array.size(); i++) {
					array.set(i, walk(document, items, array.get(i), definition, depth + 1));
				}
			}
		}
		return value;
	}

	/** A string where the schema wants another scalar: its integer, number or boolean reading, if it has one. */
	private JsonNode fromString(JsonNode value, Set<String> types) {
		String text = value.asString().trim();
		Set<String> allowed = this.rules.stringTypes();
		if (types.contains("integer") && allowed.contains("integer") && INTEGER.matcher(text).matches()) {
			return NODES.numberNode(new BigInteger(text));
		}
		if (types.contains("number") && allowed.contains("number") && NUMBER.matcher(text).matches()) {
			return NODES.numberNode(new BigDecimal(text));
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (types.contains("boolean") && allowed.contains("boolean") && (lower.equals("true") || lower.equals("false"))) {
			return NODES.booleanNode(lower.equals("true"));
		}
		return value;
	}

	/** An object where a string is expected: the first identity field ({@code id}, {@code name}) it has. */
	private JsonNode identity(ObjectNode object) {
		for (String field : this.rules.identityFields()) {
			JsonNode value = object.get(field);
			if (value != null && value.isString()) {
				return value;
			}
		}
		return object;
	}

	private void rename(ObjectNode object, Map<String, JsonNode> properties, String definition) {
		for (RequestRules.Rename rename : this.rules.renames(definition)) {
			if (object.has(rename.from()) && !object.has(rename.to()) && properties.containsKey(rename.to())
					&& !properties.containsKey(rename.from())) {
				JsonNode value = object.remove(rename.from());
				if (rename.wrap() != null) {
					ObjectNode wrapped = NODES.objectNode();
					wrapped.set(rename.wrap(), value);
					value = wrapped;
				}
				object.set(rename.to(), value);
			}
		}
	}

	/** The schema and, through {@code $ref}, {@code anyOf} and {@code oneOf}, every alternative it allows. */
	private static void flatten(HerokuSchema document, JsonNode schema, List<JsonNode> into, int depth) {
		JsonNode resolved = document.deref(schema);
		if (resolved == null || depth > MAX_DEPTH) {
			return;
		}
		into.add(resolved);
		for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
			resolved.path(keyword).forEach(alternative -> flatten(document, alternative, into, depth + 1));
		}
	}

	private static void types(JsonNode schema, Set<String> into) {
		JsonNode type = schema.get("type");
		if (type != null && type.isString()) {
			into.add(type.asString());
		}
		else if (type != null && type.isArray()) {
			type.forEach(t -> into.add(t.asString()));
		}
	}

}
