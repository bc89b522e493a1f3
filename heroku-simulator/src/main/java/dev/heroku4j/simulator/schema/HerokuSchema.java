package dev.heroku4j.simulator.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One variant of Heroku's hyper-schema, loaded from the jar and made safe to validate against offline.
 * <p>
 * Two repairs happen at load time, both in memory: every nested {@code $schema} is dropped and the root one set to
 * draft-04 (the original names the interagent meta-schema, which a validator would try to download), and every
 * {@code $ref} that points nowhere (Heroku's {@code #/definitions/dyno_size/...}, which should read {@code dyno-size})
 * becomes a permissive string schema instead of failing. A third repair: where a schema's own {@code example}
 * breaks its {@code format} (domain {@code hostname} is declared a {@code uri} but is a bare host name, as the real
 * API sends it), the format is dropped, so that what Heroku really answers is judged valid.
 */
public final class HerokuSchema {

	/** The {@code id} Heroku gives its schema; {@code $ref}s resolve against it. */
	public static final String ROOT_ID = "http://api.heroku.com/schema";

	static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final SchemaVariant variant;

	private final ObjectNode document;

	private final List<Link> links;

	private final List<String> unresolvedRefs;

	private HerokuSchema(SchemaVariant variant, ObjectNode document) {
		this.variant = variant;
		this.document = document;
		List<String> unresolved = new ArrayList<>();
		repair(document, document, unresolved);
		document.put("$schema", DRAFT_04);
		this.unresolvedRefs = Collections.unmodifiableList(unresolved);
		this.links = Collections.unmodifiableList(readLinks());
	}

	/** Loads a variant from the classpath copy that the build packaged ({@code heroku-schema/*.json}). */
	public static HerokuSchema load(SchemaVariant variant) {
		try (InputStream in = HerokuSchema.class.getClassLoader().getResourceAsStream(variant.resource())) {
			if (in == null) {
				throw new IllegalStateException("Heroku schema " + variant.resource()
						+ " is not on the classpath; the build copies it from ${heroku.schema.dir}");
			}
			return new HerokuSchema(variant, (ObjectNode) MAPPER.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public SchemaVariant variant() {
		return this.variant;
	}

	/** The repaired document; treat as read-only. */
	public ObjectNode document() {
		return this.document;
	}

	public List<Link> links() {
		return this.links;
	}

	/** The repairs made: {@code $ref}s that pointed nowhere (now permissive strings) and formats dropped. */
	public List<String> unresolvedRefs() {
		return this.unresolvedRefs;
	}

	/** The node at a JSON pointer ({@code /definitions/app}), or a missing node. */
	public JsonNode at(String pointer) {
		return this.document.at(pointer);
	}

	/** Follows {@code $ref}s (local ones only; every ref in Heroku's schema is local) until a real schema is reached. */
	public JsonNode deref(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 32 && current != null && current.has("$ref"); i++) {
			current = resolve(current.get("$ref").asString());
		}
		return current;
	}

	/** Resolves {@code #/definitions/...} to its node, or {@code null}. */
	public JsonNode resolve(String ref) {
		if (!ref.startsWith("#")) {
			return null;
		}
		JsonNode node = this.document.at(JsonPointer.compile(ref.substring(1)));
		return node.isMissingNode() ? null : node;
	}

	/** The schema a response of this link must match: its targetSchema, else its definition (an array for lists). */
	public JsonNode responseSchema(Link link) {
		if (link.hasTargetSchema()) {
			return link.targetSchema();
		}
		ObjectNode ref = JsonNodeFactory.instance.objectNode().put("$ref", "#/definitions/" + link.definition());
		if ("instances".equals(link.rel())) {
			ObjectNode array = JsonNodeFactory.instance.objectNode();
			array.putArray("type").add("array");
			array.set("items", ref);
			return array;
		}
		return ref;
	}

	/** Where links from the {@link VariantCatalog} are added to the document, beside (not inside) Heroku's definitions. */
	static final String GRAFTED = "x-simulator-links";

	/**
	 * Adds a link that is in neither snapshot to this document, so that its {@code $ref}s resolve against Heroku's
	 * definitions and it is validated and synthesised like any other. Must happen before a validator compiles the
	 * document. Not listed in {@link #links()}, which stays exactly the snapshot's.
	 */
	Link graft(String definition, JsonNode link) {
		JsonNode existing = this.document.get(GRAFTED);
		ArrayNode grafted = existing instanceof ArrayNode array ? array : this.document.putArray(GRAFTED);
		grafted.add(link.deepCopy());
		JsonNode rel = link.get("rel");
		return new Link(this.variant, definition, "/" + GRAFTED + "/" + (grafted.size() - 1),
				link.path("method").asString("GET").toUpperCase(java.util.Locale.ROOT), link.path("href").asString(),
				(rel != null && rel.isString()) ? rel.asString() : null, link.path("title").asString(""),
				link.get("schema"), link.get("targetSchema"));
	}

	private List<Link> readLinks() {
		List<Link> result = new ArrayList<>();
		for (Map.Entry<String, JsonNode> definition : this.document.path("definitions").properties()) {
			JsonNode links = definition.getValue().path("links");
			for (int i = 0; i < links.size(); i++) {
				JsonNode link = links.get(i);
				JsonNode rel = link.get("rel");
				result.add(new Link(this.variant, definition.getKey(),
						"/definitions/" + escape(definition.getKey()) + "/links/" + i,
						link.path("method").asString("GET").toUpperCase(java.util.Locale.ROOT), link.path("href").asString(),
						(rel != null && rel.isString()) ? rel.asString() : null, link.path("title").asString(""),
						link.get("schema"), link.get("targetSchema")));
			}
		}
		return result;
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private void repair(JsonNode root, JsonNode node, List<String> unresolved) {
		if (node instanceof ObjectNode object) {
			if (object != root) {
				object.remove("$schema");
			}
			JsonNode ref = object.get("$ref");
			if (ref != null && ref.isString() && resolveIn(root, ref.asString()) == null) {
				unresolved.add(ref.asString());
				object.remove("$ref");
				ArrayNode type = object.putArray("type");
				type.add("string");
				object.put("description", "unresolved $ref " + ref.asString() + " (treated as a string)");
			}
			JsonNode format = object.get("format");
			JsonNode example = object.get("example");
			if (format != null && example != null && example.isString() && !fitsFormat(format.asString(), example.asString())) {
				unresolved.add("format " + format.asString() + " dropped: example " + example.asString());
				object.remove("format");
			}
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				// examples are data, not schemas: leave them exactly as Heroku wrote them
				if (!"example".equals(property.getKey())) {
					repair(root, property.getValue(), unresolved);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (JsonNode item : array) {
				repair(root, item, unresolved);
			}
		}
	}

	/** Whether a string has a format; only the formats Heroku's examples get wrong are checked. */
	public static boolean fitsFormat(String format, String text) {
		try {
			return switch (format) {
				case "date-time" -> java.time.OffsetDateTime.parse(text) != null;
				case "uri" -> java.net.URI.create(text).isAbsolute();
				default -> true;
			};
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static JsonNode resolveIn(JsonNode root, String ref) {
		if (!ref.startsWith("#")) {
			return null;
		}
		try {
			JsonNode node = root.at(JsonPointer.compile(ref.substring(1)));
			return node.isMissingNode() ? null : node;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
