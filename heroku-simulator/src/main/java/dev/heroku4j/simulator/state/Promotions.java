package dev.heroku4j.simulator.state;

import java.util.ArrayList;
import java.util.List;

import dev.heroku4j.simulator.http.HerokuError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.any;
import static dev.heroku4j.simulator.state.StateContext.id;

/**
 * Pipeline promotions: each target app gets a release of the source's release (its slug; the target keeps its own
 * config vars, as on Heroku). The promotion is {@code pending}, and {@code completed} once every target's release has
 * ended; a target is {@code succeeded} (with its release) or {@code failed} (with the release's failure).
 */
final class Promotions {

	private final StateContext ctx;

	private final Releases releases;

	Promotions(StateContext ctx, Releases releases) {
		this.ctx = ctx;
		this.releases = releases;
	}

	ApiResult handle(ApiCall call) {
		if ("POST".equals(call.method())) {
			return StateContext.created(this.ctx.present(create(call.body())));
		}
		String identity = call.param("pipeline-promotion").orElseThrow();
		ObjectNode promotion = this.ctx.store.find("pipeline-promotion", identity, any())
			.orElseThrow(() -> HerokuError.notFound("pipeline promotion"));
		if ("pipeline-promotion-target".equals(call.link().definition())) {
			List<ObjectNode> targets = new ArrayList<>();
			for (JsonNode targetId : this.ctx.store.extra("promotion:" + id(promotion)).path("targets")) {
				this.ctx.store.find("pipeline-promotion-target", targetId.asString(), any()).ifPresent(targets::add);
			}
			return StateContext.ok(this.ctx.array(targets));
		}
		return StateContext.ok(this.ctx.present(promotion));
	}

	private ObjectNode create(JsonNode body) {
		String pipelineId = body.path("pipeline").path("id").asString("");
		ObjectNode pipeline = this.ctx.store.find("pipeline", pipelineId, any())
			.orElseThrow(() -> HerokuError.notFound("pipeline"));
		ObjectNode source = app(body.path("source").path("app").path("id").asString(""));
		String releaseId = body.path("source").path("release").path("id").asString(null);
		ObjectNode release = releaseId != null ? this.ctx.ofApp("release", source, releaseId, "release")
				: this.releases.current(source).orElseThrow(() -> HerokuError.invalidParams(
						"The source app " + source.get("name").asString() + " has no release to promote."));
		if (!release.path("slug").isObject()) {
			throw HerokuError.invalidParams("Release v" + release.get("version").asInt() + " of "
					+ source.get("name").asString() + " has no slug to promote; deploy a build first.");
		}
		List<ObjectNode> targetApps = new ArrayList<>();
		for (JsonNode target : body.path("targets")) {
			targetApps.add(app(target.path("app").path("id").asString("")));
		}
		ObjectNode promotion = this.ctx.fresh("pipeline-promotion");
		promotion.set("pipeline", NODES.objectNode().put("id", id(pipeline)));
		promotion.set("source", NODES.objectNode());
		((ObjectNode) promotion.get("source")).set("app", NODES.objectNode().put("id", id(source)));
		((ObjectNode) promotion.get("source")).set("release", NODES.objectNode().put("id", id(release)));
		promotion.put("status", "pending");
		this.ctx.store.add("pipeline-promotion", promotion);
		ArrayNode targetIds = this.ctx.store.extra("promotion:" + id(promotion)).putArray("targets");
		List<ObjectNode[]> pairs = new ArrayList<>();
		for (ObjectNode targetApp : targetApps) {
			ObjectNode promoted = this.releases.create(targetApp, "Promote " + source.get("name").asString() + " v"
					+ release.get("version").asInt(), release.get("slug"), null);
			ObjectNode target = this.ctx.fresh("pipeline-promotion-target");
			target.set("app", NODES.objectNode().put("id", id(targetApp)));
			target.set("pipeline_promotion", NODES.objectNode().put("id", id(promotion)));
			target.set("release", NODES.objectNode().put("id", id(promoted)));
			target.put("status", "pending");
			target.putNull("error_message");
			this.ctx.store.add("pipeline-promotion-target", target);
			targetIds.add(id(target));
			pairs.add(new ObjectNode[] { target, promoted });
		}
		// each target ends with its release: after the release phase (at the next request when there is none)
		this.ctx.timeline.schedule(this.ctx.timings.releasePhase(), () -> settle(promotion, pairs));
		return promotion;
	}

	private void settle(ObjectNode promotion, List<ObjectNode[]> pairs) {
		boolean pending = false;
		for (ObjectNode[] pair : pairs) {
			ObjectNode target = pair[0];
			String status = pair[1].get("status").asString();
			if ("pending".equals(status)) {
				pending = true;
			}
			else if ("pending".equals(target.get("status").asString())) {
				target.put("status", "succeeded".equals(status) ? "succeeded" : "failed");
				if (!"succeeded".equals(status)) {
					target.put("error_message", "The release on the target app " + status + ".");
				}
			}
		}
		if (pending) {
			// a release phase that is still running (a stuck or slower one): look again later
			this.ctx.timeline.schedule(this.ctx.timings.releasePhase().isZero() ? java.time.Duration.ofMillis(100)
					: this.ctx.timings.releasePhase(), () -> settle(promotion, pairs));
			return;
		}
		promotion.put("status", "completed");
		this.ctx.touch(promotion);
	}

	private ObjectNode app(String identity) {
		return this.ctx.findApp(identity).orElseThrow(() -> HerokuError.notFound("app"));
	}

}
