package dev.heroku4j.simulator.state;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.id;

/** An app's buildpacks: {@code PUT} replaces the list (in the order given), {@code GET} reads it back. */
final class BuildpackInstallations {

	private final StateContext ctx;

	BuildpackInstallations(StateContext ctx) {
		this.ctx = ctx;
	}

	ApiResult handle(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		ObjectNode kept = this.ctx.store.extra("buildpacks:" + id(app));
		if ("PUT".equals(call.method())) {
			ArrayNode installed = NODES.arrayNode();
			int ordinal = 0;
			for (JsonNode update : call.body().path("updates")) {
				String buildpack = update.path("buildpack").asString("");
				installed.addObject().put("ordinal", ordinal++).set("buildpack",
						NODES.objectNode().put("url", url(buildpack)).put("name", name(buildpack)));
			}
			kept.set("installed", installed);
		}
		return StateContext.ok(kept.path("installed").isArray() ? kept.get("installed").deepCopy() : NODES.arrayNode());
	}

	/** A registry name ({@code heroku/ruby}) is its own URL in Heroku's answers; a URL stays as given. */
	private static String url(String buildpack) {
		return buildpack;
	}

	/** Where the buildpack registry keeps a buildpack's tarball ({@code blob_url}): {@code .../<namespace>/<name>.tgz}. */
	private static final java.util.regex.Pattern REGISTRY_BLOB = java.util.regex.Pattern
		.compile("https://buildpack-registry\\.s3\\.amazonaws\\.com/buildpacks/([\\w-]+/[\\w-]+)\\.tgz");

	/** The registry name (also for a registry tarball URL), or for another URL the last path segment without {@code .tgz}. */
	static String name(String buildpack) {
		java.util.regex.Matcher registry = REGISTRY_BLOB.matcher(buildpack);
		if (registry.matches()) {
			return registry.group(1);
		}
		if (!buildpack.contains("://")) {
			return buildpack;
		}
		String last = buildpack.substring(buildpack.lastIndexOf('/') + 1);
		return last.endsWith(".tgz") ? last.substring(0, last.length() - 4) : last;
	}

}
