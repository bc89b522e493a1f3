package dev.heroku4j.simulator.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.heroku4j.simulator.schema.Link;
import dev.heroku4j.simulator.schema.Operation;
import dev.heroku4j.simulator.schema.OperationIndex;
import dev.heroku4j.simulator.schema.SchemaVariant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Judges JSON against Heroku's original hyper-schema, for test suites that want a second opinion on what their client
 * sends or decodes: "is this a valid response of {@code GET /apps/{app}}?". Needs no running server.
 * <pre>{@code
 * Judge judge = Judge.load();
 * Judge.Verdict verdict = judge.response("GET", "/apps/my-app", json);
 * assertThat(verdict.messages()).isEmpty();
 * }</pre>
 * The operation is named by a concrete path ({@code /apps/my-app}) or by the schema's href template.
 */
public final class Judge {

	/**
	 * The outcome.
	 *
	 * @param valid whether some link of the operation accepts the JSON
	 * @param operation the operation judged against, e.g. {@code GET /apps/{(...)}}, or {@code null} if none matched
	 * @param messages validation messages (of the first link tried) when not valid
	 */
	public record Verdict(boolean valid, String operation, List<String> messages) {
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final OperationIndex index;

	private final SchemaValidator validator;

	public Judge(OperationIndex index, SchemaValidator validator) {
		this.index = index;
		this.validator = validator;
	}

	/** A judge over the schemas packaged in this jar. */
	public static Judge load() {
		OperationIndex index = OperationIndex.load();
		return new Judge(index, new SchemaValidator(index));
	}

	/** Judges a response body (JSON text; empty for none) against the operation's targetSchema, in its preferred variant. */
	public Verdict response(String method, String pathOrHref, String json) {
		return response(method, pathOrHref, null, json);
	}

	/** As {@link #response(String, String, String)}, for a given variant ({@code null}: the operation's preferred one). */
	public Verdict response(String method, String pathOrHref, SchemaVariant variant, String json) {
		return judge(method, pathOrHref, variant, json, true);
	}

	public Verdict response(String method, String pathOrHref, JsonNode body) {
		return judge(method, pathOrHref, null, body, true);
	}

	/** Judges a request body against the operation's {@code schema} (any of its links may accept it). */
	public Verdict request(String method, String pathOrHref, String json) {
		return judge(method, pathOrHref, null, json, false);
	}

	/** The operation a method and path (or href template) names. */
	public Optional<Operation> operation(String method, String pathOrHref) {
		return this.index.operation(method, pathOrHref)
			.or(() -> this.index.match(method, pathOrHref).map(OperationIndex.Match::operation));
	}

	private Verdict judge(String method, String pathOrHref, SchemaVariant variant, String json, boolean response) {
		JsonNode body;
		try {
			body = (json == null || json.isBlank()) ? MissingNode.getInstance() : MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			return new Verdict(false, null, List.of("$: not JSON: " + ex.getOriginalMessage()));
		}
		return judge(method, pathOrHref, variant, body, response);
	}

	private Verdict judge(String method, String pathOrHref, SchemaVariant variant, JsonNode body, boolean response) {
		Optional<Operation> operation = operation(method, pathOrHref);
		if (operation.isEmpty()) {
			return new Verdict(false, null, List.of("no operation " + method + " " + pathOrHref + " in Heroku's schema"));
		}
		SchemaVariant chosen = variant != null ? variant : operation.get().preferredVariant();
		List<Link> links = operation.get().linksFor(chosen);
		if (links.isEmpty()) {
			return new Verdict(false, operation.get().toString(), List.of("operation not in variant " + chosen.version()));
		}
		List<String> first = null;
		for (Link link : links) {
			List<String> messages = response ? this.validator.validateResponse(link, body)
					: this.validator.validateRequest(link, body.isMissingNode() ? MAPPER.createObjectNode() : body);
			if (messages.isEmpty()) {
				return new Verdict(true, operation.get().toString(), List.of());
			}
			if (first == null) {
				first = new ArrayList<>(messages);
			}
		}
		return new Verdict(false, operation.get().toString(), first);
	}

}
