package dev.heroku4j.simulator.state;

import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.any;
import static dev.heroku4j.simulator.state.StateContext.text;

/**
 * Teams the account creates ({@code POST /teams}): kept with the name asked for (unique), listed by
 * {@code GET /teams}, read, renamed and deleted by id or name. The account's other teams and enterprise accounts'
 * teams are not modelled: they are answered from the schema, as resources without state are (null here).
 */
final class Teams {

	private final StateContext ctx;

	Teams(StateContext ctx) {
		this.ctx = ctx;
	}

	ApiResult handle(ApiCall call) {
		if (!call.link().href().startsWith("/teams")) {
			return null; // enterprise accounts' teams: not modelled
		}
		if ("POST".equals(call.method())) {
			return StateContext.created(this.ctx.present(create(call.body())));
		}
		Optional<String> identity = call.param("team");
		if (identity.isEmpty()) {
			return StateContext.ok(this.ctx.array(this.ctx.store.list("team", any())));
		}
		ObjectNode team = this.ctx.store.find("team", identity.get(), any()).orElse(null);
		if (team == null) {
			return null;
		}
		switch (call.method()) {
			case "PATCH" -> {
				String name = text(call.body(), "name");
				if (name != null && !name.equals(team.get("name").asString())) {
					requireFree(name);
					team.put("name", name);
				}
				if (call.body().path("default").isBoolean()) {
					team.set("default", call.body().get("default"));
				}
				this.ctx.touch(team);
			}
			case "DELETE" -> this.ctx.store.remove("team", team);
			default -> {
			}
		}
		return StateContext.ok(this.ctx.present(team));
	}

	private ObjectNode create(JsonNode body) {
		String name = text(body, "name");
		if (name == null || name.isBlank()) {
			throw HerokuError.invalidParams("Name is required.");
		}
		requireFree(name);
		ObjectNode team = this.ctx.fresh("team");
		team.put("name", name).put("role", "admin").put("type", "team").put("default", false);
		team.putNull("enterprise_account");
		team.putNull("identity_provider");
		this.ctx.store.add("team", team);
		return team;
	}

	private void requireFree(String name) {
		if (this.ctx.store.find("team", name, any()).filter(t -> name.equals(t.path("name").asString())).isPresent()) {
			throw HerokuError.invalidParams("Name " + name + " is already taken.");
		}
	}

}
