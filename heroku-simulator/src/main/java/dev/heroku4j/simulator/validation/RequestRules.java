package dev.heroku4j.simulator.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How Heroku reads request bodies beyond what its schema says, as data ({@code heroku-requests.json}): which string
 * forms it coerces, which deprecated fields it renames, and its own wording for refusals the simulator can name.
 */
public final class RequestRules {

	static final String RESOURCE = "dev/heroku4j/simulator/heroku-requests.json";

	/** A deprecated field: {@code from} becomes {@code to} (wrapped as {@code {wrap: value}} when wrap is set). */
	public record Rename(String definition, String from, String to, String wrap, String reason) {
	}

	/** Heroku's own error for a field of a definition that fails the schema. */
	public record Refusal(String definition, String field, String id, String message) {
	}

	private final Set<String> stringTypes = new TreeSet<>();

	private final List<String> identityFields = new ArrayList<>();

	private final List<Rename> renames = new ArrayList<>();

	private final List<Refusal> refusals = new ArrayList<>();

	RequestRules(JsonNode root) {
		JsonNode coercions = root.path("coercions");
		coercions.path("strings").path("types").forEach(t -> this.stringTypes.add(t.asString()));
		coercions.path("identities").path("fields").forEach(f -> this.identityFields.add(f.asString()));
		int i = 0;
		for (JsonNode rename : coercions.path("renames")) {
			String at = RESOURCE + " coercions.renames[" + i++ + "]";
			this.renames.add(new Rename(text(rename, "definition", at), text(rename, "from", at), text(rename, "to", at),
					rename.path("wrap").asString(null), text(rename, "reason", at)));
		}
		i = 0;
		for (JsonNode refusal : root.path("refusals")) {
			String at = RESOURCE + " refusals[" + i++ + "]";
			text(refusal, "source", at);
			this.refusals.add(new Refusal(text(refusal, "definition", at), text(refusal, "field", at),
					text(refusal, "id", at), text(refusal, "message", at)));
		}
	}

	public static RequestRules load() {
		try (InputStream in = RequestRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			return new RequestRules(JsonMapper.builder().build().readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Schema types whose string form Heroku accepts ({@code integer}, {@code number}, {@code boolean}). */
	public Set<String> stringTypes() {
		return this.stringTypes;
	}

	/** Fields of an object that can stand for the identity string it names. */
	public List<String> identityFields() {
		return this.identityFields;
	}

	public List<Rename> renames(String definition) {
		return this.renames.stream().filter(r -> r.definition().equals(definition)).toList();
	}

	/** Heroku's refusal for a definition's field (e.g. {@code app} {@code name}), if the rules know it. */
	public Optional<Refusal> refusal(String definition, String field) {
		return this.refusals.stream().filter(r -> r.definition().equals(definition) && r.field().equals(field)).findFirst();
	}

	private static String text(JsonNode entry, String field, String at) {
		JsonNode value = entry.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new IllegalStateException(at + ": \"" + field + "\" (a non-empty string) is required");
		}
		return value.asString();
	}

}
