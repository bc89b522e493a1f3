package dev.heroku4j.simulator.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Heroku serves beyond the two schema snapshots, kept as data in {@code heroku-variants.json} (the way the
 * converter keeps its schema patches): the named {@code Accept} variants real clients send, the variant-specific links
 * that exist in neither snapshot, and answers from state for links the state layer does not keep. Every entry says
 * why it is there; a malformed entry stops the simulator from loading, naming the entry.
 */
public final class VariantCatalog {

	static final String RESOURCE = "dev/heroku4j/simulator/heroku-variants.json";

	/**
	 * A named variant.
	 *
	 * @param version e.g. {@code 3.filters}
	 * @param base the snapshot that judges its requests
	 * @param reason why it is listed
	 * @param usedBy where a real client sends it
	 */
	public record NamedVariant(String version, SchemaVariant base, String reason, List<String> usedBy) {
	}

	/**
	 * A link that only named variants serve.
	 *
	 * @param versions the named variants that serve it
	 * @param definition the resource it belongs to (what the state layer and the journal see)
	 * @param reason why it is listed
	 * @param link the link, in the hyper-schema's own form ({@code method}, {@code href}, {@code schema}, ...)
	 */
	public record DataLink(Set<String> versions, String definition, String reason, JsonNode link) {
	}

	/**
	 * An answer from stored resources: the items of {@code select} whose {@code field} is among the body's values at
	 * {@code in} (a JSON pointer).
	 */
	public record Answer(String operation, String reason, String select, String field, String in) {
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Map<String, NamedVariant> variants = new LinkedHashMap<>();

	private final List<DataLink> links = new ArrayList<>();

	private final Map<String, Answer> answers = new LinkedHashMap<>();

	VariantCatalog(JsonNode root, String source) {
		int i = 0;
		for (JsonNode entry : root.path("variants")) {
			String at = source + " variants[" + i++ + "]";
			String version = text(entry, "version", at).toLowerCase(Locale.ROOT);
			SchemaVariant base = SchemaVariant.ofVersion(text(entry, "schema", at))
				.orElseThrow(() -> new IllegalStateException(at + ": schema must be 3 or 3.sdk"));
			List<String> usedBy = new ArrayList<>();
			entry.path("usedBy").forEach(u -> usedBy.add(u.asString()));
			this.variants.put(version, new NamedVariant(version, base, text(entry, "reason", at), List.copyOf(usedBy)));
		}
		i = 0;
		for (JsonNode entry : root.path("links")) {
			String at = source + " links[" + i++ + "]";
			Set<String> versions = new LinkedHashSet<>();
			entry.path("variants").forEach(v -> versions.add(v.asString().toLowerCase(Locale.ROOT)));
			for (String version : versions) {
				if (!this.variants.containsKey(version)) {
					throw new IllegalStateException(at + ": variant " + version + " is not listed under variants");
				}
			}
			if (versions.isEmpty()) {
				throw new IllegalStateException(at + ": names no variant");
			}
			JsonNode link = entry.path("link");
			text(link, "method", at + ".link");
			text(link, "href", at + ".link");
			if (!link.has("targetSchema")) {
				throw new IllegalStateException(at + ".link: a targetSchema is required (responses are judged by it)");
			}
			this.links.add(new DataLink(Set.copyOf(versions), text(entry, "definition", at), text(entry, "reason", at), link));
		}
		i = 0;
		for (JsonNode entry : root.path("answers")) {
			String at = source + " answers[" + i++ + "]";
			Answer answer = new Answer(text(entry, "operation", at), text(entry, "reason", at), text(entry, "select", at),
					text(entry, "field", at), text(entry, "in", at));
			this.answers.put(answer.operation(), answer);
		}
	}

	/** The catalog packaged with the simulator. */
	public static VariantCatalog load() {
		try (InputStream in = VariantCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			return new VariantCatalog(MAPPER.readTree(in), RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The version as requested: {@code 3}, {@code 3.sdk} or a listed named variant; empty for anything else. */
	public Optional<ApiVersion> version(String requested) {
		String version = requested.trim().toLowerCase(Locale.ROOT);
		Optional<SchemaVariant> variant = SchemaVariant.ofVersion(version);
		if (variant.isPresent()) {
			return variant.map(ApiVersion::of);
		}
		return Optional.ofNullable(this.variants.get(version)).map(named -> new ApiVersion(version, named.base()));
	}

	public List<NamedVariant> variants() {
		return List.copyOf(this.variants.values());
	}

	public List<DataLink> links() {
		return List.copyOf(this.links);
	}

	/** The answer for an operation ({@code POST /filters/apps}), if the catalog has one. */
	public Optional<Answer> answer(String operation) {
		return Optional.ofNullable(this.answers.get(operation));
	}

	private static String text(JsonNode entry, String field, String at) {
		JsonNode value = entry.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new IllegalStateException(at + ": \"" + field + "\" (a non-empty string) is required");
		}
		return value.asString();
	}

}
