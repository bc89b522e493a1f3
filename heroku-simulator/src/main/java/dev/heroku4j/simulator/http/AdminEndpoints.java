package dev.heroku4j.simulator.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.heroku4j.simulator.fault.Fault;
import dev.heroku4j.simulator.fault.Faults;
import dev.heroku4j.simulator.journal.Journal;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.registry.BuildpackRegistry;
import dev.heroku4j.simulator.ratelimit.RateLimiter;
import dev.heroku4j.simulator.state.ResourceStore;
import dev.heroku4j.simulator.validation.Judge;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Everything under {@code /__simulator/}, a prefix Heroku does not use. Two kinds: URLs the simulator hands out in
 * API responses (source upload/download, log and build output streams; open, like Heroku's pre-signed URLs) plus
 * {@code health}, and test plumbing for clients outside the JVM or in a container (journal, faults, reset, rate
 * limit, judge), which needs the simulator's admin token: an ordinary API key does not reach it. The journal is
 * served without the callers' credentials.
 */
public final class AdminEndpoints {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final ResourceStore store;

	private final Journal journal;

	private final Faults faults;

	private final RateLimiter rateLimiter;

	private final Judge judge;

	private final Runnable reset;

	/** The state's own endpoints (streams, failures), given the path after the prefix; empty when not theirs. */
	private final BiFunction<String, SimRequest, Optional<SimResponse>> extensions;

	public AdminEndpoints(ResourceStore store, Journal journal, Faults faults, RateLimiter rateLimiter, Judge judge,
			Runnable reset, BiFunction<String, SimRequest, Optional<SimResponse>> extensions) {
		this.store = store;
		this.journal = journal;
		this.faults = faults;
		this.rateLimiter = rateLimiter;
		this.judge = judge;
		this.reset = reset;
		this.extensions = extensions;
	}

	/** Requests a client makes as part of using the API (uploads, log streams) go into the journal; plumbing does not. */
	boolean isJournaled(String path) {
		return path.startsWith(RequestHandler.ADMIN_PREFIX + "sources/")
				|| path.startsWith(RequestHandler.ADMIN_PREFIX + "log-sessions/")
				|| path.startsWith(RequestHandler.ADMIN_PREFIX + "streams/")
				|| path.startsWith(RequestHandler.ADMIN_PREFIX + BuildpackRegistry.PREFIX);
	}

	/** Handed out in API responses or polled for readiness: reachable without the admin token. */
	boolean isOpen(String path) {
		return isJournaled(path) || path.equals(RequestHandler.ADMIN_PREFIX + "health");
	}

	SimResponse handle(SimRequest request, Authentication authentication) {
		String rest = request.path().substring(RequestHandler.ADMIN_PREFIX.length());
		String method = request.method();
		try {
			if (!isOpen(request.path())) {
				authentication.requireAdmin(request);
			}
			if (rest.startsWith("sources/")) {
				String id = rest.substring("sources/".length());
				if ("PUT".equals(method)) {
					this.store.putBlob(id, request.body());
					return new SimResponse(200, Map.of(), new byte[0], Duration.ZERO, null, null);
				}
				if ("GET".equals(method)) {
					return this.store.blob(id)
						.map(bytes -> new SimResponse(200, Map.of("Content-Type", "application/octet-stream"), bytes,
								Duration.ZERO, null, null))
						.orElseThrow(() -> HerokuError.notFound("source"));
				}
			}
			Optional<SimResponse> extension = this.extensions.apply(rest, request);
			if (extension.isPresent()) {
				return extension.get();
			}
			switch (method + " " + rest) {
				case "GET health" -> {
					return json(200, JsonNodeFactory.instance.objectNode().put("status", "ok"));
				}
				case "GET journal" -> {
					// served without credentials: whoever can reach this port must not learn the callers' keys
					return json(200, MAPPER.valueToTree(this.journal.entries().stream().map(JournalEntry::withoutCredentials).toList()));
				}
				case "DELETE journal" -> {
					this.journal.clear();
					return json(200, JsonNodeFactory.instance.objectNode().put("cleared", true));
				}
				case "GET faults" -> {
					return json(200, MAPPER.valueToTree(this.faults.active().stream().map(Fault::toString).toList()));
				}
				case "POST faults" -> {
					Fault fault = parseFault(MAPPER.readTree(request.body()));
					this.faults.inject(fault);
					return json(201, JsonNodeFactory.instance.objectNode().put("fault", fault.toString()));
				}
				case "DELETE faults" -> {
					this.faults.clear();
					return json(200, JsonNodeFactory.instance.objectNode().put("cleared", true));
				}
				case "POST reset" -> {
					this.reset.run();
					return json(200, JsonNodeFactory.instance.objectNode().put("reset", true));
				}
				case "PUT rate-limit" -> {
					this.rateLimiter.setRemaining(MAPPER.readTree(request.body()).path("remaining").asInt());
					return json(200, JsonNodeFactory.instance.objectNode().put("remaining", this.rateLimiter.remaining()));
				}
				case "POST judge" -> {
					JsonNode ask = MAPPER.readTree(request.body());
					JsonNode body = ask.path("body");
					Judge.Verdict verdict = "request".equals(ask.path("kind").asString("response"))
							? this.judge.request(ask.path("method").asString(), ask.path("path").asString(), body.isMissingNode() ? null : body.toString())
							: this.judge.response(ask.path("method").asString(), ask.path("path").asString(),
									body.isMissingNode() ? null : body.toString());
					return json(200, MAPPER.valueToTree(verdict));
				}
				default -> throw new HerokuError(404, "not_found", "No simulator endpoint " + method + " /__simulator/" + rest);
			}
		}
		catch (HerokuError error) {
			return RequestHandler.error(error);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			return RequestHandler.error(new HerokuError(400, "bad_request", "Bad simulator request: " + ex.getMessage()));
		}
	}

	/** {@code {"kind":"status|latency|reset|truncate","method":"POST","path":"/apps","status":503,"latencyMillis":200,"times":1}} */
	static Fault parseFault(JsonNode spec) {
		Fault fault = switch (spec.path("kind").asString("")) {
			case "status" -> Fault.status(spec.path("status").asInt(500));
			case "latency" -> Fault.latency(Duration.ofMillis(spec.path("latencyMillis").asLong(0)));
			case "reset" -> Fault.connectionReset();
			case "truncate" -> Fault.truncatedBody();
			default -> throw new IllegalArgumentException("kind must be status, latency, reset or truncate");
		};
		fault = fault.on(spec.path("method").asString("*"), spec.path("path").asString("**"));
		return spec.has("times") ? fault.times(spec.get("times").asInt()) : fault;
	}

	private static SimResponse json(int status, JsonNode body) {
		return RequestHandler.json(status, body, Map.of());
	}

}
