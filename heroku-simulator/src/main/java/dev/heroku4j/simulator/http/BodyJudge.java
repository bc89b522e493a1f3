package dev.heroku4j.simulator.http;

import java.util.List;

import dev.heroku4j.simulator.schema.Link;
import dev.heroku4j.simulator.validation.Coercion;
import dev.heroku4j.simulator.validation.RequestRules;
import dev.heroku4j.simulator.validation.SchemaValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * Judges a request body against the links of its operation: the first link whose schema accepts the body as sent
 * wins; failing that, the first that accepts it as Heroku reads it ({@link Coercion}), and then the schema's problems
 * with the original still go into the journal. A body no link accepts is refused with Heroku's error.
 */
final class BodyJudge {

	/**
	 * The link chosen and the body it is served with.
	 *
	 * @param link the link whose schema accepted the body
	 * @param body the body as Heroku reads it (coerced where needed), or a missing node
	 */
	record Choice(Link link, JsonNode body) {
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final SchemaValidator validator;

	private final Coercion coercion;

	private final RequestRules rules;

	BodyJudge(SchemaValidator validator, Coercion coercion, RequestRules rules) {
		this.validator = validator;
		this.coercion = coercion;
		this.rules = rules;
	}

	static JsonNode parse(SimRequest request) {
		if (request.body().length == 0 || request.bodyText().isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return MAPPER.readTree(request.body());
		}
		catch (JacksonException ex) {
			throw new HerokuError(400, "bad_request", "Request body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Chooses the link for {@code body}; the schema's messages about the original body are added to {@code problems}
	 * (the journal's), whether the body is then accepted after coercion or refused.
	 */
	Choice choose(List<Link> links, JsonNode body, List<String> problems, List<String> titles) {
		// A GET link's schema describes query parameters, not a body: those are not judged.
		List<Link> withSchema = links.stream().filter(Link::hasSchema).filter(l -> !"GET".equals(l.method())).toList();
		if (withSchema.isEmpty()) {
			links.forEach(l -> titles.add(l.title()));
			return new Choice(links.get(0), body);
		}
		JsonNode instance = body.isMissingNode() ? JsonNodeFactory.instance.objectNode() : body;
		List<String> firstMessages = null;
		for (Link candidate : withSchema) {
			List<String> messages = this.validator.validateRequest(candidate, instance);
			if (messages.isEmpty()) {
				titles.add(candidate.title());
				return new Choice(candidate, body);
			}
			if (firstMessages == null) {
				firstMessages = messages;
			}
		}
		for (Link candidate : withSchema) {
			JsonNode coerced = this.coercion.coerce(candidate, instance);
			if (!coerced.equals(instance) && this.validator.validateRequest(candidate, coerced).isEmpty()) {
				this.validator.validateRequest(candidate, instance).forEach(m -> problems.add("coerced: " + m));
				titles.add(candidate.title());
				return new Choice(candidate, coerced);
			}
		}
		problems.addAll(firstMessages);
		throw refusal(withSchema.get(0), firstMessages);
	}

	/** Heroku's own wording where the rules know it (an app name), else the validator's messages. */
	private HerokuError refusal(Link link, List<String> messages) {
		for (String message : messages) {
			int colon = message.indexOf(':');
			String field = colon < 0 ? "" : message.substring(0, colon).replaceFirst("^\\$\\.?", "");
			var known = this.rules.refusal(link.definition(), field);
			if (known.isPresent()) {
				return new HerokuError(422, known.get().id(), known.get().message());
			}
		}
		return HerokuError.invalidParams("Invalid params: " + String.join("; ", messages));
	}

}
