package dev.heroku4j.simulator.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.http.SimRequest;
import dev.heroku4j.simulator.http.SimResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one call of Heroku's buildpack registry (buildpack-registry.heroku.com) that the Heroku CLI makes for
 * {@code heroku buildpacks:set <namespace>/<name>}: {@code GET /buildpacks/<namespace>%2F<name>}, for the
 * buildpack's {@code blob_url}. Served under {@code /__simulator/buildpack-registry} (point
 * {@code HEROKU_BUILDPACK_REGISTRY_URL} there) from {@code buildpack-registry.json}, Heroku's official buildpacks.
 * Open like the registry itself: the CLI sends no key for this call.
 */
public final class BuildpackRegistry {

	/** The path after {@code /__simulator/} that {@code HEROKU_BUILDPACK_REGISTRY_URL} names. */
	public static final String PREFIX = "buildpack-registry/";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Map<String, JsonNode> buildpacks = load();

	/** The answer for a path after {@code /__simulator/}, or empty when it is not the registry's. */
	public Optional<SimResponse> handle(String rest, SimRequest request) {
		if (!rest.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String path = URLDecoder.decode(rest.substring(PREFIX.length()), StandardCharsets.UTF_8);
		JsonNode buildpack = "GET".equals(request.method()) && path.startsWith("buildpacks/")
				? this.buildpacks.get(path.substring("buildpacks/".length())) : null;
		if (buildpack == null) {
			// anything else of the registry (search, publishing) is not served
			return Optional.of(json(404, HerokuError.notFound("buildpack").toJson()));
		}
		return Optional.of(json(200, buildpack));
	}

	private static SimResponse json(int status, JsonNode body) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		return new SimResponse(status, headers, MAPPER.writeValueAsBytes(body), Duration.ZERO, null, null);
	}

	private static Map<String, JsonNode> load() {
		try (InputStream in = BuildpackRegistry.class.getResourceAsStream("buildpack-registry.json")) {
			Map<String, JsonNode> byName = new LinkedHashMap<>();
			for (JsonNode buildpack : MAPPER.readTree(in).path("buildpacks")) {
				byName.put(buildpack.get("namespace").asString() + "/" + buildpack.get("name").asString(), buildpack);
			}
			return Map.copyOf(byName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
