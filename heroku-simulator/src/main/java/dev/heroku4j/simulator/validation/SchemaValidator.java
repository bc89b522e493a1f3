package dev.heroku4j.simulator.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.heroku4j.simulator.schema.HerokuSchema;
import dev.heroku4j.simulator.schema.Link;
import dev.heroku4j.simulator.schema.OperationIndex;
import dev.heroku4j.simulator.schema.SchemaVariant;
import tools.jackson.databind.JsonNode;

/**
 * Draft-04 validation (networknt json-schema-validator 3.x, which is built on Jackson 3) of JSON against any node of
 * Heroku's schema, addressed by JSON pointer so that every {@code $ref} resolves against the whole document.
 * Nothing is ever fetched: each variant's document is registered under Heroku's schema id and remote loading is off.
 */
public final class SchemaValidator {

	/**
	 * Draft-04, with every keyword it does not know (Heroku's hyper-schema adds links, stability, strictProperties,
	 * example, ...) taken as an annotation: they carry no validation, and would otherwise each be logged as unknown.
	 */
	private static final Dialect HEROKU_DRAFT_4 = Dialect.builder(Dialects.getDraft4())
		.unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
		.build();

	private final Map<SchemaVariant, SchemaRegistry> registries = new EnumMap<>(SchemaVariant.class);

	private final Map<SchemaVariant, Schema> roots = new EnumMap<>(SchemaVariant.class);

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	public SchemaValidator(OperationIndex index) {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder()
			.formatAssertionsEnabled(true)
			.preloadSchema(false)
			.pathType(PathType.JSON_PATH)
			.build();
		for (SchemaVariant variant : SchemaVariant.values()) {
			HerokuSchema schema = index.schema(variant);
			if (schema == null) {
				continue;
			}
			String document = schema.document().toString();
			this.registries.put(variant,
					SchemaRegistry.withDefaultDialect(HEROKU_DRAFT_4,
							builder -> builder.schemaRegistryConfig(config)
								.schemaLoader(loader -> loader.fetchRemoteResources(false))
								.schemas(Map.of(HerokuSchema.ROOT_ID, document))));
			this.roots.put(variant, this.registries.get(variant).getSchema(SchemaLocation.of(HerokuSchema.ROOT_ID)));
		}
	}

	/** Validates {@code instance} against the schema at {@code pointer} (e.g. {@code /definitions/app}). */
	public List<String> validate(SchemaVariant variant, String pointer, JsonNode instance) {
		Schema schema = this.compiled.computeIfAbsent(variant + pointer, key -> subSchema(variant, pointer));
		List<String> messages = new ArrayList<>();
		for (Error error : schema.validate(instance)) {
			messages.add(error.toString());
		}
		return messages;
	}

	/** Navigates from the compiled root, so the 700 KB document is parsed once, not once per pointer. */
	private Schema subSchema(SchemaVariant variant, String pointer) {
		Schema root = this.roots.get(variant);
		NodePath path = new NodePath(PathType.JSON_POINTER);
		for (String token : pointer.substring(1).split("/")) {
			String name = token.replace("~1", "/").replace("~0", "~");
			path = name.chars().allMatch(Character::isDigit) && !name.isEmpty() ? path.append(Integer.parseInt(name))
					: path.append(name);
		}
		return root.getSubSchema(path);
	}

	/** Validates a request body against the link's {@code schema}; a link without one accepts anything. */
	public List<String> validateRequest(Link link, JsonNode body) {
		return link.hasSchema() ? validate(link.variant(), link.schemaPointer(), body) : List.of();
	}

	/**
	 * Validates a response body against the link's {@code targetSchema}; without one, against the link's definition
	 * (an array of them for {@code rel: instances}). A {@code rel: empty} link must answer with no body.
	 */
	public List<String> validateResponse(Link link, JsonNode body) {
		if (link.isEmpty()) {
			return (body == null || body.isMissingNode()) ? List.of() : List.of("$: rel 'empty' expects no body");
		}
		if (body == null || body.isMissingNode()) {
			return List.of("$: a body is required");
		}
		if (link.hasTargetSchema()) {
			return validate(link.variant(), link.targetSchemaPointer(), body);
		}
		String definition = "/definitions/" + link.definition().replace("~", "~0").replace("/", "~1");
		if (!"instances".equals(link.rel())) {
			return validate(link.variant(), definition, body);
		}
		if (!body.isArray()) {
			return List.of("$: array expected (rel: instances)");
		}
		List<String> messages = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			for (String message : validate(link.variant(), definition, body.get(i))) {
				messages.add(message.replaceFirst("^\\$", "\\$[" + i + "]"));
			}
		}
		return messages;
	}

}
