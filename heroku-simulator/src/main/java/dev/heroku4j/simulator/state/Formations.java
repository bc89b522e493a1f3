package dev.heroku4j.simulator.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.schema.HrefTemplate.Binding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.id;
import static dev.heroku4j.simulator.state.StateContext.text;

/**
 * Formation (scaling, resizing) and dynos (listing, one-off runs, restart, stop). Dynos start {@code starting} and are
 * {@code up} after {@link Timings#dynoBoot()}, or {@code crashed} when a failure is injected. Every operation costs
 * the size of the app's own formation and dynos.
 */
final class Formations {

	/**
	 * Heroku's default per-app limit for Cedar apps: 100 dynos across all process types (Dev Center, "Dyno Scaling and
	 * Process Limits"). Checked before anything changes, so a huge quantity costs nothing.
	 */
	static final int MAX_DYNOS_PER_APP = 100;

	private final StateContext ctx;

	private final Releases releases;

	Formations(StateContext ctx, Releases releases) {
		this.ctx = ctx;
		this.releases = releases;
	}

	ApiResult formation(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		Optional<String> type = call.param("formation");
		if ("PATCH".equals(call.method()) && type.isEmpty()) {
			JsonNode updates = call.body().path("updates");
			for (JsonNode update : updates) {
				checkLimit(app, update.path("type").asString(), quantity(update), updates);
			}
			ArrayNode updated = NODES.arrayNode();
			for (JsonNode update : updates) {
				updated.add(this.ctx.present(scale(app, update.path("type").asString(), quantity(update), size(update))));
			}
			return StateContext.ok(updated);
		}
		if (type.isEmpty()) {
			return StateContext.ok(this.ctx.array(this.ctx.ofApp("formation", app)));
		}
		ObjectNode formation = this.ctx.ofApp("formation", app, type.get(), "formation");
		if ("PATCH".equals(call.method())) {
			scale(app, formation.get("type").asString(), quantity(call.body()), size(call.body()));
		}
		return StateContext.ok(this.ctx.present(formation));
	}

	/** The size from {@code dyno_size} ({@code {"name": ...}} or {@code {"id": ...}}) or the older {@code size}. */
	private static String size(JsonNode update) {
		JsonNode dynoSize = update.path("dyno_size");
		if (dynoSize.isObject()) {
			return text(dynoSize, "name") != null ? text(dynoSize, "name") : text(dynoSize, "id");
		}
		return dynoSize.isString() ? dynoSize.asString() : text(update, "size");
	}

	private static Integer quantity(JsonNode update) {
		JsonNode quantity = update.get("quantity");
		if (quantity == null || !quantity.isNumber()) {
			return null;
		}
		// beyond int: refused by the limit check rather than wrapped into a small number
		return quantity.canConvertToInt() ? quantity.asInt() : Integer.MAX_VALUE;
	}

	/** Refuses a quantity that would take the app beyond Heroku's limit, counting a batch's other updates. */
	private void checkLimit(ObjectNode app, String type, Integer quantity, JsonNode batch) {
		if (quantity == null) {
			return;
		}
		Map<String, Integer> after = new HashMap<>();
		this.ctx.ofApp("formation", app).forEach(f -> after.put(f.path("type").asString(), f.path("quantity").asInt()));
		if (batch != null) {
			batch.forEach(u -> {
				Integer q = quantity(u);
				if (q != null) {
					after.put(u.path("type").asString(), Math.max(0, q));
				}
			});
		}
		after.remove(type);
		long others = after.values().stream().mapToLong(Integer::longValue).sum();
		if (quantity < 0 || others + quantity > MAX_DYNOS_PER_APP) {
			throw new HerokuError(422, "invalid_params", "Cannot scale " + type + " to " + quantity + ": an app can run "
					+ MAX_DYNOS_PER_APP + " dynos across all process types (" + others + " run in others).");
		}
	}

	/** Sets a process type's quantity and/or size (creating the type if new) and starts or stops dynos to match. */
	ObjectNode scale(ObjectNode app, String type, Integer quantity, String size) {
		checkLimit(app, type, quantity, null);
		boolean isNew = this.ctx.store.findOfApp("formation", id(app), type).isEmpty();
		ObjectNode formation = this.ctx.store.findOfApp("formation", id(app), type).orElseGet(() -> {
			ObjectNode created = this.ctx.fresh("formation");
			created.set("app", StateContext.ref(created.get("app"), app));
			created.put("type", type);
			created.put("command", "web".equals(type) ? "bundle exec puma -C config/puma.rb" : "bin/" + type);
			created.put("quantity", 0);
			this.ctx.store.add("formation", created);
			return created;
		});
		if (quantity != null) {
			formation.put("quantity", quantity);
		}
		if (size != null) {
			formation.put("size", size);
			if (formation.get("dyno_size") instanceof ObjectNode dynoSize) {
				dynoSize.put("name", size);
			}
		}
		this.ctx.touch(formation);
		this.ctx.changed("formation", isNew ? "create" : "update", app, formation);
		syncDynos(app, formation);
		return formation;
	}

	/** Stops dynos beyond the quantity and starts the missing ones: costs the app's own dynos. */
	private void syncDynos(ObjectNode app, ObjectNode formation) {
		String type = formation.get("type").asString();
		int quantity = formation.get("quantity").asInt();
		Map<String, ObjectNode> ofType = new HashMap<>();
		for (ObjectNode dyno : this.ctx.ofApp("dyno", app)) {
			if (type.equals(dyno.get("type").asString())) {
				if (number(dyno.get("name").asString()) > quantity) {
					this.ctx.store.remove("dyno", dyno);
					this.ctx.changed("dyno", "destroy", app, dyno);
					this.ctx.log(app, "heroku[" + dyno.get("name").asString() + "]", "Stopping process with SIGTERM");
				}
				else {
					ofType.put(dyno.get("name").asString(), dyno);
				}
			}
		}
		for (int n = 1; n <= quantity; n++) {
			String name = type + "." + n;
			ObjectNode dyno = ofType.get(name);
			if (dyno == null) {
				dyno = newDyno(app, name, type, formation.get("command").asString());
				this.ctx.store.add("dyno", dyno);
				this.ctx.changed("dyno", "create", app, dyno);
				boot(app, dyno);
			}
			dyno.put("size", formation.get("size").asString());
		}
	}

	private ObjectNode newDyno(ObjectNode app, String name, String type, String command) {
		ObjectNode dyno = this.ctx.fresh("dyno");
		dyno.set("app", StateContext.ref(dyno.get("app"), app));
		dyno.put("name", name).put("type", type).put("command", command).put("state", "starting");
		this.releases.current(app).ifPresent(release -> dyno.set("release", StateContext.ref(dyno.get("release"), release)));
		return dyno;
	}

	/** Starting now, up (or crashed, if injected) after the boot time, unless something changed it meanwhile. */
	private void boot(ObjectNode app, ObjectNode dyno) {
		String name = dyno.get("name").asString();
		this.ctx.log(app, "heroku[" + name + "]", "Starting process with command `" + dyno.get("command").asString() + "`");
		String bootedAt = dyno.get("created_at").asString();
		this.ctx.timeline.schedule(this.ctx.timings.dynoBoot(), () -> {
			boolean stillThere = this.ctx.store.findOfApp("dyno", id(app), name).filter(d -> d == dyno).isPresent();
			if (!stillThere || !"starting".equals(dyno.get("state").asString())
					|| !bootedAt.equals(dyno.get("created_at").asString())) {
				return;
			}
			boolean crash = this.ctx.failures.take(Failures.Kind.DYNO_CRASHES, app.get("name").asString(), name).isPresent();
			setState(app, dyno, crash ? "crashed" : "up");
			if (crash) {
				this.ctx.log(app, "heroku[" + name + "]", "Process exited with status 1 (injected crash)");
			}
		});
	}

	/** Moves a dyno to a new state, with Heroku's log line for it. */
	void setState(ObjectNode app, ObjectNode dyno, String state) {
		String before = dyno.get("state").asString();
		dyno.put("state", state);
		this.ctx.touch(dyno);
		this.ctx.log(app, "heroku[" + dyno.get("name").asString() + "]", "State changed from " + before + " to " + state);
		this.ctx.changed("dyno", "update", app, dyno);
	}

	private static int number(String dynoName) {
		try {
			return Integer.parseInt(dynoName.substring(dynoName.lastIndexOf('.') + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	ApiResult dynos(ApiCall call) {
		ObjectNode app = this.ctx.app(call);
		String method = call.method();
		String href = call.link().href();
		Optional<String> dynoName = call.bindings().stream()
			.filter(b -> b.segment().definition().equals("dyno") && b.segment().field().equals("identity"))
			.map(Binding::value)
			.findFirst();
		Optional<String> formationType = call.bindings().stream()
			.filter(b -> b.segment().field().equals("formation_type"))
			.map(Binding::value)
			.findFirst();
		if ("POST".equals(method) && !href.endsWith("/stop")) {
			return new ApiResult(201, this.ctx.present(run(app, call.body())));
		}
		if ("GET".equals(method)) {
			if (dynoName.isEmpty()) {
				return StateContext.ok(this.ctx.array(this.ctx.ofApp("dyno", app)));
			}
			return StateContext.ok(this.ctx.present(this.ctx.ofApp("dyno", app, dynoName.get(), "dyno")));
		}
		// restart (DELETE) and stop (POST .../actions/stop), of one dyno, a process type, or all dynos
		List<ObjectNode> targets = dynoName.isPresent() ? List.of(this.ctx.ofApp("dyno", app, dynoName.get(), "dyno"))
				: this.ctx.ofApp("dyno", app).stream()
					.filter(d -> formationType.isEmpty() || formationType.get().equals(d.get("type").asString()))
					.toList();
		boolean stop = href.endsWith("/stop");
		for (ObjectNode dyno : targets) {
			if (stop && "run".equals(dyno.get("type").asString())) {
				this.ctx.store.remove("dyno", dyno);
				this.ctx.changed("dyno", "destroy", app, dyno);
			}
			else if (stop) {
				setState(app, dyno, "down");
			}
			else {
				restart(app, dyno);
			}
		}
		// Heroku answers restarts and stops with 202 Accepted (the dynos change afterwards); heroku.jar insists on it
		return new ApiResult(202, null);
	}

	/** A restarted dyno is {@code starting} again, and up after the boot time. */
	void restart(ObjectNode app, ObjectNode dyno) {
		dyno.put("created_at", this.ctx.now());
		setState(app, dyno, "starting");
		boot(app, dyno);
	}

	private ObjectNode run(ObjectNode app, JsonNode body) {
		String command = text(body, "command");
		String type = text(body, "type") != null ? text(body, "type") : "run";
		ObjectNode dyno = newDyno(app, type + "." + ThreadLocalRandom.current().nextInt(1000, 10000), type,
				command != null ? command : "bash");
		if (text(body, "size") != null) {
			dyno.put("size", text(body, "size"));
		}
		this.ctx.store.add("dyno", dyno);
		this.ctx.changed("dyno", "create", app, dyno);
		boot(app, dyno);
		return dyno;
	}

	/** For a new app's first build: a {@code web} process with one dyno, unless the app has formation already. */
	void ensureWeb(ObjectNode app) {
		if (this.ctx.ofApp("formation", app).isEmpty()) {
			scale(app, "web", 1, "basic");
		}
	}

	/** Restarts every dyno of the app (a new release is running). */
	void restartAll(ObjectNode app) {
		this.ctx.ofApp("dyno", app).forEach(dyno -> restart(app, dyno));
	}

	/** Crashes a dyno now (fault injection). */
	void crash(ObjectNode app, String dynoName) {
		ObjectNode dyno = this.ctx.ofApp("dyno", app, dynoName, "dyno");
		setState(app, dyno, "crashed");
		this.ctx.log(app, "heroku[" + dynoName + "]", "Process exited with status 1 (injected crash)");
	}

}
