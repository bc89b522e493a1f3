package dev.heroku4j.simulator.state;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.id;
import static dev.heroku4j.simulator.state.StateContext.text;

/**
 * App webhook subscriptions (create, list, info, update, delete). The {@code secret} and {@code authorization}
 * Heroku never shows again are kept beside the subscription, for whoever delivers the notifications
 * ({@link StatefulApi#webhookCredentials}).
 */
final class AppWebhooks {

	private final StateContext ctx;

	AppWebhooks(StateContext ctx) {
		this.ctx = ctx;
	}

	ApiResult handle(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		Optional<String> identity = call.param("app-webhook");
		if ("POST".equals(call.method())) {
			ObjectNode hook = NODES.objectNode();
			hook.set("app", NODES.objectNode().put("id", id(app)).put("name", app.get("name").asString()));
			hook.put("created_at", this.ctx.now()).put("id", ResourceStore.newId());
			apply(hook, call.body());
			hook.put("updated_at", this.ctx.now());
			this.ctx.store.add("app-webhook", hook);
			return StateContext.created(this.ctx.present(hook));
		}
		if (identity.isEmpty()) {
			return StateContext.ok(this.ctx.array(this.ctx.ofApp("app-webhook", app)));
		}
		ObjectNode hook = this.ctx.ofApp("app-webhook", app, identity.get(), "webhook");
		switch (call.method()) {
			case "PATCH" -> {
				apply(hook, call.body());
				this.ctx.touch(hook);
			}
			case "DELETE" -> {
				this.ctx.store.remove("app-webhook", hook);
				this.ctx.store.dropExtra("webhook:" + id(hook));
			}
			default -> {
			}
		}
		return StateContext.ok(this.ctx.present(hook));
	}

	private void apply(ObjectNode hook, JsonNode body) {
		if (body.path("include").isArray()) {
			hook.set("include", body.get("include").deepCopy());
		}
		for (String field : new String[] { "level", "url" }) {
			if (text(body, field) != null) {
				hook.put(field, text(body, field));
			}
		}
		ObjectNode credentials = this.ctx.store.extra("webhook:" + id(hook));
		for (String field : new String[] { "secret", "authorization" }) {
			if (body.has(field)) {
				credentials.set(field, body.get(field).deepCopy());
			}
		}
	}

}
