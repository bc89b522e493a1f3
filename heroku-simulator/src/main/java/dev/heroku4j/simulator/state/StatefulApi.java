package dev.heroku4j.simulator.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.schema.HrefTemplate.Binding;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations that keep state: apps, config vars, formation, dynos, releases, builds, sources, log sessions, and
 * (generically) domains, add-ons, collaborators, pipelines and pipeline couplings.
 * <p>
 * New resources start as the schema's own sample of their definition (so every field the schema declares is present
 * and valid) and get real ids, timestamps and the request's values on top. Resources refer to their parents the way
 * Heroku embeds them ({@code "app": {"id", "name"}}), which is also how nested lists are filtered.
 */
public final class StatefulApi {

	/** Definitions handled by the generic create/info/list/update/delete code. */
	private static final Set<String> GENERIC = Set.of("domain", "add-on", "collaborator", "pipeline",
			"pipeline-coupling");

	/** Body or embedded field name to the definition it names. */
	private static final Map<String, String> FIELD_DEFINITIONS = Map.of("app", "app", "pipeline", "pipeline", "addon",
			"add-on");

	/** What must be unique per definition (within the parent app, where there is one). */
	private static final Map<String, String> UNIQUE = Map.of("pipeline", "name", "add-on", "name", "domain",
			"hostname", "collaborator", "user.email", "pipeline-coupling", "app.id");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ResourceStore store;

	private final ResponseSynthesizer synthesizer;

	private final ObjectNode account;

	private final StateEvents events = new StateEvents();

	/** Definitions answered elsewhere (app webhooks, see simulator.webhook); empty means "not stateful". */
	private Function<ApiCall, Optional<ApiResult>> others = call -> Optional.empty();

	public StatefulApi(ResourceStore store, ResponseSynthesizer synthesizer) {
		this.store = store;
		this.synthesizer = synthesizer;
		this.account = synthesizer.forDefinition("account");
	}

	public ResourceStore store() {
		return this.store;
	}

	/** Changes to the state as they happen (webhook entities and actions). */
	public StateEvents events() {
		return this.events;
	}

	/** Lets another component answer the stateful calls of definitions this class does not handle. */
	public void handleOthers(Function<ApiCall, Optional<ApiResult>> handler) {
		this.others = handler;
	}

	/** Handles the call if its operation keeps state; empty means "answer with a synthesised body". */
	public Optional<ApiResult> handle(ApiCall call) {
		String definition = call.link().definition();
		return switch (definition) {
			case "app" -> apps(call);
			case "config-var" -> Optional.of(configVars(call));
			case "formation" -> Optional.of(formation(call));
			case "dyno" -> Optional.of(dynos(call));
			case "release" -> Optional.of(releases(call));
			case "build" -> Optional.of(builds(call));
			case "source" -> Optional.of(sources(call));
			case "log-session" -> Optional.of(logSessions(call));
			default -> GENERIC.contains(definition) ? generic(call) : this.others.apply(call);
		};
	}

	// ---------------------------------------------------------------- apps

	private Optional<ApiResult> apps(ApiCall call) {
		String href = call.link().href();
		String method = call.method();
		if (href.endsWith("/acm")) {
			ObjectNode app = app(call);
			app.put("acm", !"DELETE".equals(method));
			touch(app);
			return ok(app);
		}
		if (call.isList()) {
			return ok(array(this.store.list("app", any())));
		}
		if ("POST".equals(method)) {
			JsonNode body = call.body();
			ObjectNode app = createApp(text(body, "name"), text(body, "region"), text(body, "stack"));
			return Optional.of(new ApiResult(201, present(app)));
		}
		ObjectNode app = app(call);
		switch (method) {
			case "PATCH" -> {
				JsonNode body = call.body();
				String name = text(body, "name");
				if (name != null && !name.equals(app.get("name").asString())) {
					requireUnique("app", "name", name, any());
					setName(app, name);
				}
				if (body.has("maintenance")) {
					app.set("maintenance", body.get("maintenance"));
				}
				if (text(body, "build_stack") != null) {
					((ObjectNode) app.get("build_stack")).put("name", text(body, "build_stack"));
				}
				touch(app);
			}
			case "DELETE" -> deleteApp(app);
			default -> {
			}
		}
		return ok(app);
	}

	/** Creates an app with its first release, as {@code POST /apps} does. Seeds use it too. */
	public synchronized ObjectNode createApp(String name, String region, String stack) {
		String appName = name != null ? name : "app-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
		requireUnique("app", "name", appName, any());
		ObjectNode app = fresh("app");
		setName(app, appName);
		for (String nullable : List.of("archived_at", "organization", "team", "space")) {
			app.putNull(nullable);
		}
		app.set("owner", NODES.objectNode().put("email", this.account.get("email").asString())
			.put("id", this.account.get("id").asString()));
		if (region != null) {
			((ObjectNode) app.get("region")).put(isUuid(region) ? "id" : "name", region);
		}
		if (stack != null) {
			((ObjectNode) app.get("stack")).put(isUuid(stack) ? "id" : "name", stack);
			app.set("build_stack", app.get("stack").deepCopy());
		}
		app.put("slug_size", 0).put("repo_size", 0);
		this.store.add("app", app);
		createRelease(app, "Initial release", null);
		return app;
	}

	private void setName(ObjectNode app, String name) {
		app.put("name", name);
		app.put("git_url", "https://git.heroku.com/" + name + ".git");
		app.put("web_url", "https://" + name + ".herokuapp.com/");
	}

	private void deleteApp(ObjectNode app) {
		String id = app.get("id").asString();
		this.store.remove("app", app);
		for (String definition : List.of("formation", "dyno", "release", "build", "domain", "add-on", "collaborator",
				"pipeline-coupling")) {
			this.store.removeIf(definition, belongsTo("app", id));
		}
		this.store.dropConfigVars(id);
	}

	// ---------------------------------------------------------------- config vars

	private ApiResult configVars(ApiCall call) {
		ObjectNode app = app(call);
		if (call.param("release").isPresent()) {
			ObjectNode release = this.store.find("release", call.param("release").get(), belongsTo("app", id(app)))
				.orElseThrow(() -> HerokuError.notFound("release"));
			return new ApiResult(200, this.store.configVars("release:" + id(release)).deepCopy());
		}
		if ("PATCH".equals(call.method())) {
			return new ApiResult(200, updateConfigVars(app, call.body()));
		}
		return new ApiResult(200, this.store.configVars(id(app)).deepCopy());
	}

	/** Sets the given vars and removes those whose value is {@code null}; makes a release, as Heroku does. */
	public synchronized ObjectNode updateConfigVars(ObjectNode app, JsonNode changes) {
		ObjectNode vars = this.store.configVars(id(app));
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
			createRelease(app, description, null);
		}
		return vars.deepCopy();
	}

	// ---------------------------------------------------------------- formation and dynos

	private ApiResult formation(ApiCall call) {
		ObjectNode app = app(call);
		Optional<String> type = call.param("formation");
		if ("PATCH".equals(call.method()) && type.isEmpty()) {
			ArrayNode updated = NODES.arrayNode();
			for (JsonNode update : call.body().path("updates")) {
				updated.add(present(scale(app, update.path("type").asString(), quantity(update), size(update))));
			}
			return new ApiResult(200, updated);
		}
		if (type.isEmpty()) {
			return new ApiResult(200, array(formations(app)));
		}
		ObjectNode formation = this.store.find("formation", type.get(), belongsTo("app", id(app)))
			.orElseThrow(() -> HerokuError.notFound("formation"));
		if ("PATCH".equals(call.method())) {
			scale(app, formation.get("type").asString(), quantity(call.body()), size(call.body()));
		}
		return new ApiResult(200, present(formation));
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

	/**
	 * Heroku's default per-app limit for Cedar apps: 100 dynos across all process types (Dev Center, "Dyno Scaling and
	 * Process Limits"). Checked before anything changes, so a huge quantity costs nothing.
	 */
	static final int MAX_DYNOS_PER_APP = 100;

	/** Sets a process type's quantity and/or size (creating the type if new) and starts or stops dynos to match. */
	public synchronized ObjectNode scale(ObjectNode app, String type, Integer quantity, String size) {
		if (quantity != null) {
			int others = formations(app).stream().filter(f -> !type.equals(f.path("type").asString()))
				.mapToInt(f -> f.path("quantity").asInt()).sum();
			if (quantity < 0 || (long) others + quantity > MAX_DYNOS_PER_APP) {
				throw new HerokuError(422, "invalid_params", "Cannot scale " + type + " to " + quantity + ": an app can run "
						+ MAX_DYNOS_PER_APP + " dynos across all process types (" + others + " run in others).");
			}
		}
		ObjectNode formation = this.store.find("formation", type, belongsTo("app", id(app))).orElseGet(() -> {
			ObjectNode created = fresh("formation");
			created.set("app", ref(created.get("app"), app));
			created.put("type", type);
			created.put("command", "web".equals(type) ? "bundle exec puma -C config/puma.rb" : "bin/" + type);
			created.put("quantity", 0);
			this.store.add("formation", created);
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
		touch(formation);
		syncDynos(app, formation);
		this.events.fire("api:formation", "update", app, present(formation));
		return formation;
	}

	private List<ObjectNode> formations(ObjectNode app) {
		return this.store.list("formation", belongsTo("app", id(app)));
	}

	private void syncDynos(ObjectNode app, ObjectNode formation) {
		String type = formation.get("type").asString();
		int quantity = formation.get("quantity").asInt();
		this.store.removeIf("dyno", dyno -> belongsTo("app", id(app)).test(dyno) && type.equals(dyno.get("type").asString())
				&& number(dyno.get("name").asString()) > quantity);
		for (int n = 1; n <= quantity; n++) {
			String name = type + "." + n;
			ObjectNode dyno = this.store.find("dyno", name, belongsTo("app", id(app))).orElse(null);
			if (dyno == null) {
				dyno = newDyno(app, name, type, formation.get("command").asString(), "up");
				this.store.add("dyno", dyno);
			}
			dyno.put("size", formation.get("size").asString());
		}
	}

	private ObjectNode newDyno(ObjectNode app, String name, String type, String command, String state) {
		ObjectNode dyno = fresh("dyno");
		dyno.set("app", ref(dyno.get("app"), app));
		dyno.put("name", name).put("type", type).put("command", command).put("state", state);
		currentRelease(app).ifPresent(release -> dyno.set("release", ref(dyno.get("release"), release)));
		return dyno;
	}

	private static int number(String dynoName) {
		try {
			return Integer.parseInt(dynoName.substring(dynoName.lastIndexOf('.') + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private ApiResult dynos(ApiCall call) {
		ObjectNode app = app(call);
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
		Predicate<ObjectNode> ofApp = belongsTo("app", id(app));
		if ("POST".equals(method) && !href.endsWith("/stop")) {
			String command = text(call.body(), "command");
			String type = text(call.body(), "type") != null ? text(call.body(), "type") : "run";
			ObjectNode dyno = newDyno(app, type + "." + ThreadLocalRandom.current().nextInt(1000, 10000), type,
					command != null ? command : "bash", "starting");
			if (text(call.body(), "size") != null) {
				dyno.put("size", text(call.body(), "size"));
			}
			this.store.add("dyno", dyno);
			return new ApiResult(201, present(dyno));
		}
		if ("GET".equals(method)) {
			if (dynoName.isEmpty()) {
				return new ApiResult(200, array(this.store.list("dyno", ofApp)));
			}
			return new ApiResult(200, present(this.store.find("dyno", dynoName.get(), ofApp)
				.orElseThrow(() -> HerokuError.notFound("dyno"))));
		}
		// restart (DELETE) and stop (POST .../actions/stop), of one dyno, a process type, or all dynos
		List<ObjectNode> targets;
		if (dynoName.isPresent()) {
			targets = List.of(this.store.find("dyno", dynoName.get(), ofApp).orElseThrow(() -> HerokuError.notFound("dyno")));
		}
		else {
			targets = this.store.list("dyno", ofApp.and(d -> formationType.isEmpty()
					|| formationType.get().equals(d.get("type").asString())));
		}
		boolean stop = href.endsWith("/stop");
		synchronized (this) {
			for (ObjectNode dyno : targets) {
				if (stop && "run".equals(dyno.get("type").asString())) {
					this.store.remove("dyno", dyno);
				}
				else {
					dyno.put("state", stop ? "down" : "starting");
					dyno.put("created_at", ResourceStore.now());
					touch(dyno);
				}
			}
		}
		return new ApiResult(200, null);
	}

	// ---------------------------------------------------------------- releases, builds, sources, log sessions

	private ApiResult releases(ApiCall call) {
		ObjectNode app = app(call);
		Predicate<ObjectNode> ofApp = belongsTo("app", id(app));
		if ("POST".equals(call.method())) {
			JsonNode body = call.body();
			if (body.has("release")) {
				ObjectNode target = this.store.find("release", body.get("release").asString(), ofApp)
					.orElseThrow(() -> HerokuError.notFound("release"));
				return new ApiResult(201,
						present(createRelease(app, "Rollback to v" + target.get("version").asInt(), target.path("slug"))));
			}
			String description = text(body, "description");
			return new ApiResult(201, present(createRelease(app, description != null ? description : "Deploy",
					NODES.objectNode().put("id", text(body, "slug")))));
		}
		Optional<String> release = call.param("release");
		if (release.isEmpty()) {
			return new ApiResult(200, array(this.store.list("release", ofApp)));
		}
		return new ApiResult(200, present(this.store.find("release", release.get(), ofApp)
			.orElseThrow(() -> HerokuError.notFound("release"))));
	}

	/** Adds the app's next release and makes it current; it snapshots the config vars for the release's own view. */
	public synchronized ObjectNode createRelease(ObjectNode app, String description, JsonNode slug) {
		List<ObjectNode> existing = this.store.list("release", belongsTo("app", id(app)));
		int version = existing.stream().mapToInt(r -> r.get("version").asInt()).max().orElse(0) + 1;
		existing.forEach(r -> r.put("current", false));
		ObjectNode release = fresh("release");
		release.set("app", ref(release.get("app"), app));
		release.put("version", version).put("description", description).put("status", "succeeded");
		release.put("current", true).put("eligible_for_rollback", version > 1);
		release.set("user", NODES.objectNode().put("id", id(this.account)).put("email", this.account.get("email").asString()));
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
		this.store.list("add-on", belongsTo("app", id(app))).forEach(a -> plans.add(a.path("plan").path("name").asString()));
		this.store.add("release", release);
		this.store.configVars("release:" + id(release)).setAll(this.store.configVars(id(app)).deepCopy());
		app.put("released_at", release.get("created_at").asString());
		this.events.fire("api:release", "create", app, present(release));
		return release;
	}

	private Optional<ObjectNode> currentRelease(ObjectNode app) {
		return this.store.list("release", belongsTo("app", id(app)))
			.stream()
			.max(Comparator.comparingInt(r -> r.get("version").asInt()));
	}

	private ApiResult builds(ApiCall call) {
		ObjectNode app = app(call);
		Predicate<ObjectNode> ofApp = belongsTo("app", id(app));
		String method = call.method();
		if (call.link().href().endsWith("/build-cache")) {
			return new ApiResult(200, null);
		}
		if ("POST".equals(method)) {
			ObjectNode build = fresh("build");
			build.set("app", ref(build.get("app"), app));
			overlay(build, call.body());
			build.put("status", "pending");
			build.putNull("release");
			build.putNull("slug");
			build.put("output_stream_url", call.baseUrl() + "/__simulator/streams/" + id(build));
			this.store.add("build", build);
			return new ApiResult(201, present(build));
		}
		Optional<String> buildId = call.param("build");
		if (buildId.isEmpty()) {
			this.store.list("build", ofApp).forEach(b -> finish(app, b));
			return new ApiResult(200, array(this.store.list("build", ofApp)));
		}
		ObjectNode build = this.store.find("build", buildId.get(), ofApp).orElseThrow(() -> HerokuError.notFound("build"));
		if ("DELETE".equals(method)) {
			synchronized (this) {
				if ("pending".equals(build.get("status").asString())) {
					build.put("status", "failed");
					touch(build);
				}
			}
		}
		else {
			finish(app, build);
		}
		return new ApiResult(200, present(build));
	}

	/** A build is "pending" when created and has succeeded by the time anyone looks again, with a new release. */
	private synchronized void finish(ObjectNode app, ObjectNode build) {
		if (!"pending".equals(build.get("status").asString())) {
			return;
		}
		String slugId = ResourceStore.newId();
		ObjectNode release = createRelease(app, "Deploy " + build.path("source_blob").path("version").asString(""),
				NODES.objectNode().put("id", slugId));
		build.put("status", "succeeded");
		build.set("slug", NODES.objectNode().put("id", slugId));
		build.set("release", NODES.objectNode().put("id", id(release)));
		touch(build);
	}

	private ApiResult sources(ApiCall call) {
		if (call.param("app").isPresent()) {
			app(call);
		}
		String url = call.baseUrl() + "/__simulator/sources/" + ResourceStore.newId();
		ObjectNode source = NODES.objectNode();
		source.putObject("source_blob").put("get_url", url).put("put_url", url);
		return new ApiResult(201, source);
	}

	private ApiResult logSessions(ApiCall call) {
		ObjectNode app = app(call);
		ObjectNode session = fresh("log-session");
		session.put("logplex_url", call.baseUrl() + "/__simulator/log-sessions/" + id(session) + "?app="
				+ app.get("name").asString());
		return new ApiResult(201, session);
	}

	// ---------------------------------------------------------------- domains, add-ons, collaborators, pipelines

	private Optional<ApiResult> generic(ApiCall call) {
		String definition = call.link().definition();
		Predicate<ObjectNode> scope = any();
		List<ObjectNode> parents = new ArrayList<>();
		String own = null;
		for (Binding binding : call.bindings()) {
			String bound = binding.segment().definition();
			if (bound.equals(definition)) {
				own = binding.value();
			}
			else if (bound.equals("app") || bound.equals("pipeline")) {
				ObjectNode parent = this.store.find(bound, binding.value(), any())
					.orElseThrow(() -> HerokuError.notFound(bound));
				parents.add(parent);
				scope = scope.and(belongsTo(bound, id(parent)));
			}
		}
		String method = call.method();
		if ("POST".equals(method) && own == null && "create".equals(call.link().rel())) {
			return Optional.of(new ApiResult(201, present(createGeneric(definition, parents, call.body()))));
		}
		if (own == null) {
			if (!"GET".equals(method)) {
				return Optional.empty();
			}
			List<ObjectNode> items = this.store.list(definition, scope);
			if (call.link().hasTargetSchema() && !call.link().targetSchema().has("items")) {
				return ok(items.stream().findFirst().orElseThrow(() -> HerokuError.notFound(definition)));
			}
			return ok(array(items));
		}
		ObjectNode item = this.store.find(definition, own, scope).orElseThrow(() -> HerokuError.notFound(definition));
		switch (method) {
			case "PATCH" -> {
				synchronized (this) {
					overlay(item, call.body());
					touch(item);
				}
			}
			case "DELETE" -> {
				this.store.remove(definition, item);
				if ("pipeline".equals(definition)) {
					this.store.removeIf("pipeline-coupling", belongsTo("pipeline", id(item)));
				}
			}
			default -> {
			}
		}
		return ok(item);
	}

	/** Creates a domain, add-on, collaborator, pipeline or pipeline coupling. Seeds use it too. */
	public synchronized ObjectNode createGeneric(String definition, List<ObjectNode> parents, JsonNode body) {
		ObjectNode item = fresh(definition);
		for (ObjectNode parent : parents) {
			String field = parent.has("git_url") ? "app" : "pipeline";
			if (item.has(field)) {
				item.set(field, ref(item.get(field), parent));
			}
		}
		overlay(item, body);
		switch (definition) {
			case "add-on" -> {
				String plan = item.path("plan").path("name").asString("heroku-postgresql:dev");
				String service = plan.contains(":") ? plan.substring(0, plan.indexOf(':')) : plan;
				((ObjectNode) item.get("addon_service")).put("name", service);
				if (text(body, "name") == null) {
					item.put("name", service.replace("heroku-", "") + "-" + word() + "-" + ThreadLocalRandom.current().nextInt(10000, 99999));
				}
				item.put("state", "provisioned");
				if (item.get("billing_entity") instanceof ObjectNode entity && item.get("app") instanceof ObjectNode app) {
					entity.put("id", app.path("id").asString()).put("name", app.path("name").asString()).put("type", "app");
				}
			}
			case "domain" -> {
				item.put("cname", item.get("hostname").asString().replace('.', '-') + ".herokudns.com");
				item.put("kind", "custom");
				item.putNull("acm_status");
				item.putNull("acm_status_reason");
				item.putNull("sni_endpoint");
			}
			case "collaborator" -> {
				((ObjectNode) item.get("user")).put("id", ResourceStore.newId());
				item.put("role", "collaborator");
			}
			default -> {
			}
		}
		String unique = UNIQUE.get(definition);
		if (unique != null) {
			String value = item.at("/" + unique.replace('.', '/')).asString("");
			Predicate<ObjectNode> sameScope = parents.stream()
				.filter(p -> p.has("git_url") && item.has("app"))
				.findFirst()
				.map(p -> belongsTo("app", id(p)))
				.orElse(any());
			if (this.store.list(definition, sameScope).stream()
				.anyMatch(other -> value.equals(other.at("/" + unique.replace('.', '/')).asString("")))) {
				throw HerokuError.invalidParams(unique.substring(unique.lastIndexOf('.') + 1) + " " + value + " is already taken.");
			}
		}
		this.store.add(definition, item);
		return item;
	}

	/**
	 * Copies request values onto a resource, where the resource has a field of that name: scalars as they are;
	 * a string for an embedded object names it (a stored app or pipeline is looked up, else the string becomes its
	 * {@code email}, {@code name} or {@code id}); an object merges into an embedded object.
	 */
	private void overlay(ObjectNode target, JsonNode body) {
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			JsonNode current = target.get(key);
			if (current == null) {
				continue;
			}
			if (current instanceof ObjectNode embedded && value.isString()) {
				String definition = FIELD_DEFINITIONS.get(key);
				if (definition != null && GENERIC.contains(definition) || "app".equals(definition)) {
					ObjectNode stored = this.store.find(definition, value.asString(), any())
						.orElseThrow(() -> HerokuError.notFound(key));
					target.set(key, ref(embedded, stored));
				}
				else if (embedded.has("email") && value.asString().contains("@")) {
					embedded.put("email", value.asString());
				}
				else if (embedded.has("name")) {
					embedded.put("name", value.asString());
				}
				else if (embedded.has("id")) {
					embedded.put("id", value.asString());
				}
			}
			else if (current instanceof ObjectNode embedded && value.isObject()) {
				for (Map.Entry<String, JsonNode> field : value.properties()) {
					if (embedded.has(field.getKey()) && !field.getValue().isContainer()) {
						embedded.set(field.getKey(), field.getValue());
					}
				}
			}
			else if (current.isArray() && value.isArray()) {
				JsonNode sample = current.size() > 0 ? current.get(0) : null;
				if (sample instanceof ObjectNode objectSample) {
					ArrayNode merged = NODES.arrayNode();
					for (JsonNode element : value) {
						ObjectNode copy = objectSample.deepCopy();
						element.properties().forEach(f -> {
							if (copy.has(f.getKey())) {
								copy.set(f.getKey(), f.getValue());
							}
						});
						merged.add(copy);
					}
					target.set(key, merged);
				}
				else {
					target.set(key, value.deepCopy());
				}
			}
			else if (!value.isContainer() && !current.isContainer()) {
				target.set(key, value);
			}
		}
	}

	// ---------------------------------------------------------------- helpers

	/** The app named by the call's path, or 404. */
	private ObjectNode app(ApiCall call) {
		String identity = call.param("app").orElseThrow(() -> HerokuError.notFound("app"));
		return findApp(identity).orElseThrow(() -> HerokuError.notFound("app"));
	}

	public Optional<ObjectNode> findApp(String identity) {
		return this.store.find("app", identity, any());
	}

	/** A new resource: the schema's sample of the definition with a fresh id and timestamps. */
	private ObjectNode fresh(String definition) {
		ObjectNode item = this.synthesizer.forDefinition(definition);
		if (item.has("id")) {
			item.put("id", ResourceStore.newId());
		}
		String now = ResourceStore.now();
		for (String stamp : List.of("created_at", "updated_at")) {
			if (item.has(stamp)) {
				item.put(stamp, now);
			}
		}
		return item;
	}

	private static void touch(ObjectNode item) {
		if (item.has("updated_at")) {
			item.put("updated_at", ResourceStore.now());
		}
	}

	/** An embedded reference shaped like the schema's sample ({@code {"id","name"}}), filled from the stored item. */
	private static ObjectNode ref(JsonNode sample, ObjectNode stored) {
		ObjectNode reference = sample instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode().put("id", "");
		for (String field : reference.propertyNames()) {
			if (stored.has(field)) {
				reference.set(field, stored.get(field).deepCopy());
			}
		}
		return reference;
	}

	/** Items that embed {@code field: {"id": parentId}}; items without that field are not filtered out. */
	static Predicate<ObjectNode> belongsTo(String field, String parentId) {
		return item -> !item.has(field) || parentId.equals(item.path(field).path("id").asString(""));
	}

	private static Predicate<ObjectNode> any() {
		return item -> true;
	}

	/** A copy for a response, with embedded app names refreshed (an app can be renamed after the fact). */
	private JsonNode present(ObjectNode item) {
		ObjectNode copy = item.deepCopy();
		if (copy.get("app") instanceof ObjectNode app && app.has("name") && app.has("id")) {
			findApp(app.get("id").asString()).ifPresent(stored -> app.put("name", stored.get("name").asString()));
		}
		return copy;
	}

	private ArrayNode array(List<ObjectNode> items) {
		ArrayNode array = NODES.arrayNode();
		items.forEach(item -> array.add(present(item)));
		return array;
	}

	private Optional<ApiResult> ok(JsonNode body) {
		return Optional.of(new ApiResult(200, body instanceof ObjectNode object ? present(object) : body));
	}

	private void requireUnique(String definition, String field, String value, Predicate<ObjectNode> scope) {
		if (this.store.list(definition, scope).stream().anyMatch(i -> value.equals(i.path(field).asString("")))) {
			throw HerokuError.invalidParams("Name " + value + " is already taken.");
		}
	}

	private static String id(ObjectNode item) {
		return item.get("id").asString();
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return value == null || value.isNull() || value.isContainer() ? null : value.asString();
	}

	private static boolean isUuid(String value) {
		return value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
	}

	private static String word() {
		List<String> words = List.of("shallow", "curly", "rugged", "sinuous", "flexible", "cubic", "spherical");
		return words.get(ThreadLocalRandom.current().nextInt(words.size()));
	}

}
