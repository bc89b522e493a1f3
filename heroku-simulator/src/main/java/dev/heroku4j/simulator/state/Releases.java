package dev.heroku4j.simulator.state;

import java.util.List;
import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.stream.LineLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.id;
import static dev.heroku4j.simulator.state.StateContext.text;

/**
 * Releases (create, rollback, list, info) and slugs. A release snapshots the app's config vars for its own
 * {@code config-vars} view. With a release phase ({@link Timings#releasePhase()} above zero, or an injected failure: failed or stuck)
 * it is {@code pending} first and becomes current only when the phase succeeds; its {@code output_stream_url}
 * streams the phase's output from the simulator.
 */
final class Releases {

	private final StateContext ctx;

	Releases(StateContext ctx) {
		this.ctx = ctx;
	}

	ApiResult handle(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		if ("POST".equals(call.method())) {
			JsonNode body = call.body();
			if (body.has("release")) {
				ObjectNode target = this.ctx.ofApp("release", app, body.get("release").asString(), "release");
				return StateContext.created(this.ctx.present(create(app, "Rollback to v" + target.get("version").asInt(),
						target.path("slug"), this.ctx.store.configVars("release:" + id(target)))));
			}
			String slug = text(body, "slug");
			String description = text(body, "description");
			return StateContext.created(this.ctx.present(create(app, description != null ? description : "Deploy " + slug,
					NODES.objectNode().put("id", slug), null)));
		}
		Optional<String> release = call.param("release");
		if (release.isEmpty()) {
			return StateContext.ok(this.ctx.array(this.ctx.ofApp("release", app)));
		}
		return StateContext.ok(this.ctx.present(this.ctx.ofApp("release", app, release.get(), "release")));
	}

	/**
	 * Adds the app's next release. {@code config} (a rollback's or promotion's vars) replaces the app's config vars
	 * first; null keeps them.
	 */
	ObjectNode create(ObjectNode app, String description, JsonNode slug, ObjectNode config) {
		List<ObjectNode> existing = this.ctx.ofApp("release", app);
		int version = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).get("version").asInt() + 1;
		if (config != null) {
			ObjectNode vars = this.ctx.store.configVars(id(app));
			vars.removeAll();
			vars.setAll(config.deepCopy());
		}
		ObjectNode release = this.ctx.fresh("release");
		release.set("app", StateContext.ref(release.get("app"), app));
		release.put("version", version).put("description", description);
		release.put("current", false).put("eligible_for_rollback", version > 1);
		release.set("user", NODES.objectNode().put("id", id(this.ctx.account)).put("email", this.ctx.account.get("email").asString()));
		if (slug != null && slug.hasNonNull("id")) {
			release.set("slug", NODES.objectNode().put("id", slug.get("id").asString()));
			ArrayNode artifacts = release.putArray("artifacts");
			artifacts.addObject().put("type", "slug").put("id", slug.get("id").asString());
		}
		else {
			release.putNull("slug");
			release.putArray("artifacts");
		}
		ArrayNode plans = release.putArray("addon_plan_names");
		this.ctx.ofApp("add-on", app).forEach(a -> plans.add(a.path("plan").path("name").asString()));
		this.ctx.store.add("release", release);
		this.ctx.store.configVars("release:" + id(release)).setAll(this.ctx.store.configVars(id(app)).deepCopy());
		boolean fails = this.ctx.failures.take(Failures.Kind.RELEASE_FAILS, app.get("name").asString(), null).isPresent();
		boolean stuck = !fails && this.ctx.failures.take(Failures.Kind.RELEASE_STUCK, app.get("name").asString(), null).isPresent();
		boolean phase = version > 1 && (fails || stuck || !this.ctx.timings.releasePhase().isZero());
		if (phase) {
			release.put("status", "pending");
			release.put("output_stream_url", StateContext.link("/__simulator/streams/releases/" + id(release)));
			LineLog output = this.ctx.streams.output(id(release));
			output.append("Running release command...");
			this.ctx.changed("release", "create", app, release);
			if (!stuck) {
				this.ctx.timeline.schedule(this.ctx.timings.releasePhase(), () -> finishPhase(app, release, output, fails));
			}
		}
		else {
			release.put("status", "succeeded");
			release.putNull("output_stream_url");
			makeCurrent(app, release);
			this.ctx.changed("release", "create", app, release);
		}
		return release;
	}

	private void finishPhase(ObjectNode app, ObjectNode release, LineLog output, boolean fails) {
		if (fails) {
			output.append("Release command failed: exit status 1 (injected)");
			release.put("status", "failed");
			this.ctx.log(app, "app[release." + release.get("version").asInt() + "]", "Release command failed");
		}
		else {
			output.append("Release phase completed.");
			release.put("status", "succeeded");
			makeCurrent(app, release);
		}
		output.finish();
		this.ctx.touch(release);
		this.ctx.changed("release", "update", app, release);
	}

	private void makeCurrent(ObjectNode app, ObjectNode release) {
		for (ObjectNode other : this.ctx.ofApp("release", app)) {
			if (other != release && other.path("current").asBoolean()) {
				other.put("current", false);
			}
		}
		release.put("current", true);
		app.put("released_at", release.get("created_at").asString());
		this.ctx.log(app, "app[api]", "Release v" + release.get("version").asInt() + " created by user "
				+ this.ctx.account.get("email").asString());
	}

	/** The current release, if any. */
	Optional<ObjectNode> current(ObjectNode app) {
		List<ObjectNode> releases = this.ctx.ofApp("release", app);
		for (int i = releases.size() - 1; i >= 0; i--) {
			if (releases.get(i).path("current").asBoolean()) {
				return Optional.of(releases.get(i));
			}
		}
		return Optional.empty();
	}

	/** The current release's slug reference, or null. */
	JsonNode currentSlug(ObjectNode app) {
		return current(app).map(r -> r.get("slug")).filter(JsonNode::isObject).orElse(null);
	}

	// ---------------------------------------------------------------- slugs

	ApiResult slugs(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		if ("POST".equals(call.method())) {
			ObjectNode slug = newSlug(app, call.body());
			slug.set("blob", NODES.objectNode().put("method", "PUT")
				.put("url", StateContext.link("/__simulator/sources/" + id(slug))));
			return StateContext.created(this.ctx.present(slug));
		}
		// slugs are found by id (their schema embeds no app to scope them by)
		return StateContext.ok(this.ctx.present(this.ctx.store.find("slug", call.param("slug").orElseThrow(), StateContext.any())
			.orElseThrow(() -> HerokuError.notFound("slug"))));
	}

	ObjectNode newSlug(ObjectNode app, JsonNode body) {
		ObjectNode slug = this.ctx.fresh("slug");
		if (body.get("process_types") instanceof ObjectNode types) {
			slug.set("process_types", types.deepCopy());
		}
		else {
			slug.set("process_types", NODES.objectNode().put("web", "bundle exec puma -C config/puma.rb"));
		}
		for (String field : List.of("commit", "commit_description", "buildpack_provided_description", "checksum")) {
			if (body.has(field)) {
				slug.set(field, body.get(field));
			}
		}
		slug.set("stack", app.get("build_stack").deepCopy());
		slug.putNull("deleted_at");
		this.ctx.store.add("slug", slug);
		return slug;
	}

}
