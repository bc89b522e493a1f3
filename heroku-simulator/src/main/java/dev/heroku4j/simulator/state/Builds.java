package dev.heroku4j.simulator.state;

import java.util.List;
import java.util.Optional;

import dev.heroku4j.simulator.stream.LineLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.id;

/**
 * Builds and sources. A build is {@code pending} when created and, after {@link Timings#build()}, {@code succeeded}
 * with a slug and a new release (a new app also gets a {@code web} process with one dyno), or {@code failed} when a
 * failure is injected. Its {@code output_stream_url} streams its output from the simulator while it runs.
 */
final class Builds {

	private final StateContext ctx;

	private final Releases releases;

	private final Formations formations;

	Builds(StateContext ctx, Releases releases, Formations formations) {
		this.ctx = ctx;
		this.releases = releases;
		this.formations = formations;
	}

	ApiResult handle(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		if (call.link().href().endsWith("/build-cache")) {
			return new ApiResult(200, null);
		}
		if ("POST".equals(call.method())) {
			return StateContext.created(this.ctx.present(create(app, call.body())));
		}
		Optional<String> buildId = call.param("build");
		if (buildId.isEmpty()) {
			return StateContext.ok(this.ctx.array(this.ctx.ofApp("build", app)));
		}
		ObjectNode build = this.ctx.ofApp("build", app, buildId.get(), "build");
		if ("DELETE".equals(call.method()) && "pending".equals(build.get("status").asString())) {
			end(app, build, "failed", List.of(" !     Build cancelled"));
		}
		return StateContext.ok(this.ctx.present(build));
	}

	/** A pending build of the body's source; it finishes on the timeline. */
	ObjectNode create(ObjectNode app, JsonNode body) {
		ObjectNode build = this.ctx.fresh("build");
		build.set("app", StateContext.ref(build.get("app"), app));
		GenericResources.overlay(this.ctx, build, body);
		build.set("buildpacks", buildpacks(app, body.path("buildpacks")));
		build.put("status", "pending");
		build.putNull("release");
		build.putNull("slug");
		build.set("stack", app.get("build_stack").path("name").deepCopy());
		build.put("output_stream_url", StateContext.link("/__simulator/streams/builds/" + id(build)));
		this.ctx.store.add("build", build);
		LineLog output = this.ctx.streams.output(id(build));
		output.append("-----> Building on the " + capitalised(app.get("build_stack").path("name").asString()) + " stack");
		this.ctx.changed("build", "create", app, build);
		String appName = app.get("name").asString();
		if (this.ctx.failures.take(Failures.Kind.BUILD_STUCK, appName, null).isPresent()) {
			return build; // never finishes: a stuck build
		}
		Optional<Failures.Failure> fails = this.ctx.failures.take(Failures.Kind.BUILD_FAILS, appName, null);
		this.ctx.timeline.schedule(this.ctx.timings.build(), () -> {
			if (!"pending".equals(build.get("status").asString())) {
				return;
			}
			if (fails.isPresent()) {
				List<String> lines = fails.get().lines().isEmpty() ? List.of(" !     Build failed (injected)") : fails.get().lines();
				end(app, build, "failed", lines);
			}
			else {
				succeed(app, build, output);
			}
		});
		return build;
	}

	private void succeed(ObjectNode app, ObjectNode build, LineLog output) {
		boolean firstBuild = this.ctx.ofApp("formation", app).isEmpty();
		output.appendAll(List.of("-----> Using buildpack: " + buildpack(build), "-----> Compressing...",
				"       Done: 42.1M", "-----> Launching..."));
		ObjectNode slug = this.releases.newSlug(app, NODES.objectNode());
		String version = build.path("source_blob").path("version").asString("");
		ObjectNode release = this.releases.create(app, "Deploy " + version, NODES.objectNode().put("id", id(slug)), null);
		output.append("       Released v" + release.get("version").asInt());
		output.append("       " + app.get("web_url").asString() + " deployed to Heroku");
		build.put("status", "succeeded");
		build.set("slug", NODES.objectNode().put("id", id(slug)));
		build.set("release", NODES.objectNode().put("id", id(release)));
		this.ctx.touch(build);
		output.finish();
		this.ctx.changed("build", "update", app, build);
		if (firstBuild) {
			this.formations.ensureWeb(app);
		}
		else {
			this.formations.restartAll(app);
		}
	}

	private void end(ObjectNode app, ObjectNode build, String status, List<String> lines) {
		LineLog output = this.ctx.streams.output(id(build));
		output.appendAll(lines);
		output.finish();
		build.put("status", status);
		this.ctx.touch(build);
		this.ctx.changed("build", "update", app, build);
	}

	/**
	 * The buildpacks "executed for this build, in order": those the request names (a name derived from a URL as the
	 * app's installations derive it), else the app's installed ones, else none (null: Heroku would detect them).
	 */
	private JsonNode buildpacks(ObjectNode app, JsonNode given) {
		if (given.isArray() && !given.isEmpty()) {
			ArrayNode used = NODES.arrayNode();
			for (JsonNode buildpack : given) {
				String url = buildpack.path("url").asString("");
				used.addObject().put("url", url).put("name", buildpack.path("name").asString(BuildpackInstallations.name(url)));
			}
			return used;
		}
		JsonNode installed = this.ctx.store.extra("buildpacks:" + id(app)).path("installed");
		if (!installed.isArray() || installed.isEmpty()) {
			return NODES.nullNode();
		}
		ArrayNode used = NODES.arrayNode();
		installed.forEach(installation -> used.add(installation.path("buildpack").deepCopy()));
		return used;
	}

	/** The first buildpack's name; without one Heroku detects it from the source, which the simulator does not read. */
	private static String buildpack(ObjectNode build) {
		JsonNode first = build.path("buildpacks").path(0);
		return first.isObject() ? first.path("name").asString("")
				: "none set (Heroku would detect one from the source; the simulator does not read it)";
	}

	private static String capitalised(String stack) {
		return stack.isEmpty() ? stack : Character.toUpperCase(stack.charAt(0)) + stack.substring(1);
	}

	// ---------------------------------------------------------------- sources

	ApiResult sources(ApiCall call) {
		if (call.param("app").isPresent()) {
			this.ctx.app(call);
		}
		String url = call.baseUrl() + "/__simulator/sources/" + ResourceStore.newId();
		ObjectNode source = NODES.objectNode();
		source.putObject("source_blob").put("get_url", url).put("put_url", url);
		return StateContext.created(source);
	}

}
