package dev.heroku4j.simulator.state;

import dev.heroku4j.simulator.stream.Streams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.id;
import static dev.heroku4j.simulator.state.StateContext.text;

/**
 * Log sessions: a {@code logplex_url} on the simulator that serves the app's log (its latest {@code lines}, 100 by
 * default as the CLI asks, at most 1,500) and, with {@code tail}, every line the app logs afterwards.
 */
final class LogSessions {

	static final int DEFAULT_LINES = 100;

	private final StateContext ctx;

	LogSessions(StateContext ctx) {
		this.ctx = ctx;
	}

	ApiResult handle(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		JsonNode body = call.body();
		int lines = body.path("lines").isNumber() ? body.path("lines").asInt() : DEFAULT_LINES;
		lines = Math.max(0, Math.min(lines, Streams.LOG_BUFFER));
		boolean tail = body.path("tail").asBoolean(false);
		ObjectNode session = this.ctx.fresh("log-session");
		this.ctx.streams.openSession(id(session), id(app), app.get("name").asString(), lines, tail,
				text(body, "dyno_name") != null ? text(body, "dyno_name") : text(body, "type"), text(body, "source"));
		session.put("logplex_url", StateContext.link("/__simulator/log-sessions/" + id(session)));
		return StateContext.created(this.ctx.present(session));
	}

}
