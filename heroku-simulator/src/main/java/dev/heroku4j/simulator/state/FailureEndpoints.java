package dev.heroku4j.simulator.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.http.SimRequest;
import dev.heroku4j.simulator.http.SimResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The state's test plumbing over HTTP, for clients outside the JVM: {@code POST /__simulator/failures} with
 * {@code {"kind": "build-stuck|build-failed|release-failed|release-stuck|dyno-crash|stream-cut", "app": ..., "dyno": ...,
 * "lines": [...], "afterLines": n}} or {@code {"kind": "stuck|failed", "resource": "space", "app": ...}}, {@code GET} to list, {@code DELETE} to clear; {@code POST /__simulator/crash}
 * with {@code {"app", "dyno"}} crashes a dyno now; {@code POST /__simulator/settle} ends everything pending.
 */
public final class FailureEndpoints {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final StatefulApi api;

	public FailureEndpoints(StatefulApi api) {
		this.api = api;
	}

	/** The response for a path after {@code /__simulator/}, or empty if it is not one of these. */
	public Optional<SimResponse> handle(String rest, SimRequest request) {
		try {
			return Optional.ofNullable(switch (request.method() + " " + rest) {
				case "GET failures" -> json(200, MAPPER.valueToTree(this.api.failures().active()));
				case "DELETE failures" -> {
					this.api.failures().clear();
					yield json(200, JsonNodeFactory.instance.objectNode().put("cleared", true));
				}
				case "POST failures" -> json(201, MAPPER.valueToTree(this.api.failures().inject(parse(MAPPER.readTree(request.body())))));
				case "POST crash" -> {
					JsonNode body = MAPPER.readTree(request.body());
					this.api.crashDyno(body.path("app").asString(), body.path("dyno").asString());
					yield json(200, JsonNodeFactory.instance.objectNode().put("crashed", body.path("dyno").asString()));
				}
				case "POST settle" -> {
					this.api.settle();
					yield json(200, JsonNodeFactory.instance.objectNode().put("settled", true));
				}
				default -> null;
			});
		}
		catch (HerokuError error) {
			return Optional.of(json(error.status(), error.toJson()));
		}
		catch (RuntimeException ex) {
			return Optional.of(json(400, new HerokuError(400, "bad_request", "Bad simulator request: " + ex.getMessage()).toJson()));
		}
	}

	static Failures.Failure parse(JsonNode spec) {
		Failures.Kind kind = switch (spec.path("kind").asString("")) {
			case "build-stuck" -> Failures.Kind.BUILD_STUCK;
			case "build-failed" -> Failures.Kind.BUILD_FAILS;
			case "release-failed" -> Failures.Kind.RELEASE_FAILS;
			case "release-stuck" -> Failures.Kind.RELEASE_STUCK;
			case "dyno-crash" -> Failures.Kind.DYNO_CRASHES;
			case "stream-cut" -> Failures.Kind.STREAM_CUT;
			case "stuck" -> Failures.Kind.STUCK;
			case "failed" -> Failures.Kind.FAILS;
			default -> throw new IllegalArgumentException("kind must be build-stuck, build-failed, release-failed, "
					+ "release-stuck, dyno-crash, stream-cut, stuck or failed");
		};
		List<String> lines = new ArrayList<>();
		spec.path("lines").forEach(line -> lines.add(line.asString()));
		return new Failures.Failure(kind, text(spec, "app"), text(spec, "dyno"), lines, spec.path("afterLines").asInt(0),
				text(spec, "resource"));
	}

	private static String text(JsonNode spec, String field) {
		JsonNode value = spec.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static SimResponse json(int status, JsonNode body) {
		return new SimResponse(status, Map.of("Content-Type", "application/json"), MAPPER.writeValueAsBytes(body),
				Duration.ZERO, null, null);
	}

}
