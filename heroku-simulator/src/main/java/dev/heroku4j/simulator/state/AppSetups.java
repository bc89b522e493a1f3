package dev.heroku4j.simulator.state;

import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.id;
import static dev.heroku4j.simulator.state.StateContext.text;

/**
 * App setups: create an app, build its source, release it. The setup is {@code pending} while the build runs and
 * takes the build's outcome ({@code succeeded} or {@code failed} with the build's failure message) once it ends.
 */
final class AppSetups {

	private final StateContext ctx;

	private final Apps apps;

	private final Builds builds;

	AppSetups(StateContext ctx, Apps apps, Builds builds) {
		this.ctx = ctx;
		this.apps = apps;
		this.builds = builds;
	}

	ApiResult handle(ApiCall call) {
		if ("POST".equals(call.method())) {
			return StateContext.created(this.ctx.present(create(call.body())));
		}
		ObjectNode setup = this.ctx.store.find("app-setup", call.param("app-setup").orElseThrow(), StateContext.any())
			.orElseThrow(() -> HerokuError.notFound("app setup"));
		refresh(setup);
		return StateContext.ok(this.ctx.present(setup));
	}

	private ObjectNode create(JsonNode body) {
		JsonNode wanted = body.path("app");
		ObjectNode app = this.apps.create(text(wanted, "name"), text(wanted, "region"), text(wanted, "stack"));
		JsonNode overrides = body.path("overrides").path("env");
		if (overrides.isObject() && !overrides.isEmpty()) {
			this.apps.updateConfigVars(app, overrides);
		}
		ObjectNode buildBody = NODES.objectNode();
		buildBody.set("source_blob", body.path("source_blob").deepCopy());
		ObjectNode build = this.builds.create(app, buildBody);
		ObjectNode setup = this.ctx.fresh("app-setup");
		setup.set("app", NODES.objectNode().put("id", id(app)).put("name", app.get("name").asString()));
		setup.set("build", NODES.objectNode().put("id", id(build)).put("status", "pending")
			.put("output_stream_url", build.get("output_stream_url").asString()));
		setup.put("status", "pending");
		setup.putNull("failure_message");
		setup.putArray("manifest_errors");
		setup.putNull("postdeploy");
		setup.putNull("resolved_success_url");
		this.ctx.store.add("app-setup", setup);
		// the setup follows its build: checked again whenever it is read, and when the build is due to end
		this.ctx.timeline.schedule(this.ctx.timings.build(), () -> refresh(setup));
		return setup;
	}

	/** Copies the build's outcome onto the setup. */
	private void refresh(ObjectNode setup) {
		Optional<ObjectNode> app = this.ctx.findApp(setup.path("app").path("id").asString());
		ObjectNode build = app.flatMap(a -> this.ctx.store.findOfApp("build", id(a), setup.path("build").path("id").asString()))
			.orElse(null);
		if (build == null || !"pending".equals(setup.get("status").asString())) {
			return;
		}
		String status = build.get("status").asString();
		((ObjectNode) setup.get("build")).put("status", status);
		if (!"pending".equals(status)) {
			setup.put("status", status);
			if ("failed".equals(status)) {
				setup.put("failure_message", "Build failed: see the build's output");
			}
			this.ctx.touch(setup);
		}
	}

}
