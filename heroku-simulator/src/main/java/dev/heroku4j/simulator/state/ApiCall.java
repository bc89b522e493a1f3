package dev.heroku4j.simulator.state;

import java.util.List;
import java.util.Optional;

import dev.heroku4j.simulator.schema.HrefTemplate.Binding;
import dev.heroku4j.simulator.schema.Link;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One routed, validated request as the state layer sees it.
 *
 * @param link the link whose request schema the body satisfied
 * @param bindings the path parameters
 * @param body the parsed body, or a missing node
 * @param baseUrl the URL the client used to reach the simulator, for links back to it (upload and log URLs)
 */
public record ApiCall(Link link, List<Binding> bindings, JsonNode body, String baseUrl) {

	public ApiCall {
		body = body == null ? MissingNode.getInstance() : body;
	}

	/** The value of the path parameter that identifies a definition, e.g. {@code app}. */
	public Optional<String> param(String definition) {
		return this.bindings.stream()
			.filter(b -> b.segment().definition().equals(definition))
			.map(Binding::value)
			.reduce((first, second) -> second);
	}

	public String method() {
		return this.link.method();
	}

	public boolean isList() {
		return "GET".equals(method()) && "instances".equals(this.link.rel());
	}

}
