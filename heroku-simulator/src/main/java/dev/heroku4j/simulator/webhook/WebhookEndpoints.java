package dev.heroku4j.simulator.webhook;

import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.state.ApiCall;
import dev.heroku4j.simulator.state.ApiResult;
import dev.heroku4j.simulator.state.StatefulApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code app-webhook} (create, info, list, update, delete), {@code app-webhook-delivery} and
 * {@code app-webhook-event} (info, list) from the {@link WebhookRegistry}.
 */
public final class WebhookEndpoints {

	private final StatefulApi state;

	private final WebhookRegistry registry;

	public WebhookEndpoints(StatefulApi state, WebhookRegistry registry) {
		this.state = state;
		this.registry = registry;
	}

	/** The answer for a webhook call, or empty for any other definition. */
	public Optional<ApiResult> handle(ApiCall call) {
		String definition = call.link().definition();
		if (!definition.startsWith("app-webhook")) {
			return Optional.empty();
		}
		ObjectNode app = call.param("app").flatMap(this.state::findApp).orElseThrow(() -> HerokuError.notFound("app"));
		String appId = app.get("id").asString();
		return Optional.of(switch (definition) {
			case "app-webhook" -> webhooks(call, app);
			case "app-webhook-delivery" -> listOrOne(call, this.registry.deliveries(appId), definition);
			case "app-webhook-event" -> listOrOne(call, this.registry.events(appId), definition);
			default -> throw HerokuError.notFound(definition);
		});
	}

	private ApiResult webhooks(ApiCall call, ObjectNode app) {
		String appId = app.get("id").asString();
		Optional<String> id = call.param("app-webhook");
		if (id.isEmpty()) {
			if ("POST".equals(call.method())) {
				return new ApiResult(201, this.registry.create(app, call.body()).view().deepCopy());
			}
			ArrayNode all = JsonNodeFactory.instance.arrayNode();
			this.registry.webhooks(appId).forEach(w -> all.add(w.view().deepCopy()));
			return new ApiResult(200, all);
		}
		WebhookRegistry.Webhook webhook = this.registry.webhook(appId, id.get())
			.orElseThrow(() -> HerokuError.notFound("webhook"));
		switch (call.method()) {
			case "PATCH" -> webhook = this.registry.update(webhook, call.body());
			case "DELETE" -> this.registry.delete(webhook);
			default -> {
			}
		}
		return new ApiResult(200, webhook.view().deepCopy());
	}

	private static ApiResult listOrOne(ApiCall call, ArrayNode items, String definition) {
		Optional<String> id = call.param(definition);
		if (id.isEmpty()) {
			return new ApiResult(200, items);
		}
		for (JsonNode item : items) {
			if (id.get().equals(item.path("id").asString())) {
				return new ApiResult(200, item);
			}
		}
		throw HerokuError.notFound(definition.replace("app-webhook-", "webhook "));
	}

}
