package dev.heroku4j.simulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.heroku4j.simulator.http.HerokuError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.id;
import static dev.heroku4j.simulator.state.StateContext.text;

/** Apps (create, info, update, ACM, delete) and their config vars. */
final class Apps {

	/** Everything an app owns, removed with it. */
	private static final List<String> OWNED = List.of("formation", "dyno", "release", "build", "slug", "domain",
			"add-on", "add-on-attachment", "collaborator", "pipeline-coupling", "log-drain", "sni-endpoint",
			"buildpack-installation", "app-webhook");

	private final StateContext ctx;

	private final Catalog catalog;

	private final Releases releases;

	Apps(StateContext ctx, Catalog catalog, Releases releases) {
		this.ctx = ctx;
		this.catalog = catalog;
		this.releases = releases;
	}

	ApiResult handle(ApiCall call) {
		String method = call.method();
		if (call.link().href().endsWith("/acm")) {
			ObjectNode app = this.ctx.app(call);
			app.put("acm", !"DELETE".equals(method));
			updated(app);
			return StateContext.ok(this.ctx.present(app));
		}
		if (call.isList()) {
			return StateContext.ok(this.ctx.array(this.ctx.store.list("app", StateContext.any())));
		}
		if ("POST".equals(method)) {
			JsonNode body = call.body();
			ObjectNode app = create(text(body, "name"), text(body, "region"), text(body, "stack"));
			return StateContext.created(this.ctx.present(app));
		}
		ObjectNode app = this.ctx.app(call);
		switch (method) {
			case "PATCH" -> update(app, call.body());
			case "DELETE" -> delete(app);
			default -> {
			}
		}
		return StateContext.ok(this.ctx.present(app));
	}

	/** Creates an app in a known region and on a known stack (Heroku's 422 otherwise), with its first release. */
	ObjectNode create(String name, String region, String stack) {
		String appName = name != null ? name : "app-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
		requireUniqueName(appName);
		ObjectNode regionItem = this.catalog.region(region != null ? region : "us", false);
		ObjectNode stackItem = stack != null ? this.catalog.stack(stack) : this.catalog.defaultStack();
		ObjectNode app = this.ctx.fresh("app");
		setName(app, appName);
		for (String nullable : List.of("archived_at", "organization", "team", "space")) {
			app.putNull(nullable);
		}
		app.set("owner", NODES.objectNode().put("email", this.ctx.account.get("email").asString())
			.put("id", id(this.ctx.account)));
		app.set("region", NODES.objectNode().put("id", id(regionItem)).put("name", regionItem.get("name").asString()));
		app.set("stack", NODES.objectNode().put("id", id(stackItem)).put("name", stackItem.get("name").asString()));
		app.set("build_stack", app.get("stack").deepCopy());
		app.put("slug_size", 0).put("repo_size", 0);
		app.putNull("released_at");
		this.ctx.store.add("app", app);
		this.ctx.changed("app", "create", app, app);
		this.releases.create(app, "Initial release", null, null);
		return app;
	}

	private void update(ObjectNode app, JsonNode body) {
		String name = text(body, "name");
		if (name != null && !name.equals(app.get("name").asString())) {
			requireUniqueName(name);
			setName(app, name);
		}
		if (body.has("maintenance")) {
			app.set("maintenance", body.get("maintenance"));
		}
		if (text(body, "build_stack") != null) {
			ObjectNode stack = this.catalog.stack(text(body, "build_stack"));
			app.set("build_stack", NODES.objectNode().put("id", id(stack)).put("name", stack.get("name").asString()));
		}
		updated(app);
	}

	private void updated(ObjectNode app) {
		this.ctx.touch(app);
		this.ctx.changed("app", "update", app, app);
	}

	private void setName(ObjectNode app, String name) {
		app.put("name", name);
		app.put("git_url", "https://git.heroku.com/" + name + ".git");
		app.put("web_url", "https://" + name + ".herokuapp.com/");
	}

	private void delete(ObjectNode app) {
		String appId = id(app);
		this.ctx.store.remove("app", app);
		for (String definition : OWNED) {
			this.ctx.store.removeApp(definition, appId);
		}
		this.ctx.store.dropConfigVars(appId);
		this.ctx.store.dropExtra("buildpacks:" + appId);
		this.ctx.streams.dropApp(appId);
		this.ctx.changed("app", "destroy", app, app);
	}

	private void requireUniqueName(String name) {
		if (this.ctx.findApp(name).filter(other -> name.equals(other.path("name").asString())).isPresent()) {
			throw HerokuError.invalidParams("Name " + name + " is already taken.");
		}
	}

	// ---------------------------------------------------------------- config vars

	ApiResult configVars(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		if (call.param("release").isPresent()) {
			ObjectNode release = this.ctx.ofApp("release", app, call.param("release").get(), "release");
			return StateContext.ok(this.ctx.store.configVars("release:" + id(release)).deepCopy());
		}
		if ("PATCH".equals(call.method())) {
			return StateContext.ok(updateConfigVars(app, call.body()));
		}
		return StateContext.ok(this.ctx.store.configVars(id(app)).deepCopy());
	}

	/** Sets the given vars and removes those whose value is {@code null}; makes a release, as Heroku does. */
	ObjectNode updateConfigVars(ObjectNode app, JsonNode changes) {
		ObjectNode vars = this.ctx.store.configVars(id(app));
		List<String> set = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		for (Map.Entry<String, JsonNode> change : changes.properties()) {
			if (change.getValue().isNull()) {
				if (vars.remove(change.getKey()) != null) {
					removed.add(change.getKey());
				}
			}
			else {
				vars.put(change.getKey(), change.getValue().asString());
				set.add(change.getKey());
			}
		}
		if (!set.isEmpty() || !removed.isEmpty()) {
			String description = !set.isEmpty() ? "Set " + String.join(", ", set) + " config vars"
					: "Remove " + String.join(", ", removed) + " config vars";
			this.releases.create(app, description, this.releases.currentSlug(app), null);
		}
		return vars.deepCopy();
	}

}
