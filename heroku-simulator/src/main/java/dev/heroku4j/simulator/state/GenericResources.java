package dev.heroku4j.simulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.schema.HrefTemplate.Binding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.NODES;
import static dev.heroku4j.simulator.state.StateContext.any;
import static dev.heroku4j.simulator.state.StateContext.belongsTo;
import static dev.heroku4j.simulator.state.StateContext.id;
import static dev.heroku4j.simulator.state.StateContext.text;

/**
 * Resources kept by one generic create/info/list/update/delete: domains, add-ons (and their attachments),
 * collaborators, log drains, SNI endpoints, pipelines and pipeline couplings. Each is scoped by the app or pipeline
 * in its path and starts as the schema's sample with the request's values on top ({@link #overlay}).
 */
final class GenericResources {

	/** Definitions handled here. */
	static final Set<String> DEFINITIONS = Set.of("domain", "add-on", "add-on-attachment", "collaborator", "log-drain",
			"sni-endpoint", "pipeline", "pipeline-coupling");

	/** Body or embedded field name to the definition it names. */
	private static final Map<String, String> FIELD_DEFINITIONS = Map.of("app", "app", "pipeline", "pipeline", "addon",
			"add-on");

	/** What must be unique per definition (within the parent app, where there is one). */
	private static final Map<String, String> UNIQUE = Map.of("pipeline", "name", "add-on", "name", "domain",
			"hostname", "collaborator", "user.email", "pipeline-coupling", "app.id", "log-drain", "url",
			"add-on-attachment", "name");

	private final StateContext ctx;

	private final AddOnConfig addOnConfig;

	private final Lifecycles lifecycles;

	GenericResources(StateContext ctx, Releases releases, Lifecycles lifecycles) {
		this.ctx = ctx;
		this.lifecycles = lifecycles;
		this.addOnConfig = new AddOnConfig(ctx, releases);
	}

	ApiResult handle(ApiCall call) {
		String definition = call.link().definition();
		Predicate<ObjectNode> scope = any();
		ObjectNode scopeApp = null;
		List<ObjectNode> parents = new ArrayList<>();
		String own = null;
		for (Binding binding : call.bindings()) {
			String bound = binding.segment().definition();
			if (bound.equals(definition)) {
				own = binding.value();
			}
			else if (bound.equals("app") || bound.equals("pipeline") || bound.equals("add-on")) {
				ObjectNode parent = this.ctx.store.find(bound, binding.value(), any())
					.orElseThrow(() -> HerokuError.notFound(bound));
				parents.add(parent);
				if (bound.equals("app")) {
					scopeApp = parent;
				}
				else {
					String field = bound.equals("add-on") ? "addon" : bound;
					scope = scope.and(belongsTo(field, id(parent)));
				}
			}
		}
		String method = call.method();
		if ("POST".equals(method) && own == null && "create".equals(call.link().rel())) {
			ObjectNode created = create(definition, parents, call.body());
			if ("add-on".equals(definition) && scopeApp != null) {
				this.addOnConfig.attached(created, scopeApp);
			}
			return StateContext.created(this.ctx.present(created));
		}
		List<ObjectNode> candidates = scopeApp != null ? this.ctx.ofApp(definition, scopeApp)
				: this.ctx.store.list(definition, any());
		if (own == null) {
			if (!"GET".equals(method)) {
				return null;
			}
			List<ObjectNode> items = candidates.stream().filter(scope).toList();
			if (call.link().hasTargetSchema() && !call.link().targetSchema().has("items")) {
				return StateContext.ok(this.ctx.present(items.stream().findFirst().orElseThrow(() -> HerokuError.notFound(definition))));
			}
			return StateContext.ok(this.ctx.array(items));
		}
		String identity = own;
		ObjectNode item = scopeApp != null ? candidates.stream().filter(scope).filter(i -> ResourceStore.matches(i, identity))
				.findFirst().orElseThrow(() -> HerokuError.notFound(definition))
				: this.ctx.store.find(definition, own, scope).orElseThrow(() -> HerokuError.notFound(definition));
		ObjectNode app = appOf(item);
		switch (method) {
			case "PATCH", "PUT" -> {
				overlay(this.ctx, item, call.body());
				this.ctx.touch(item);
				this.ctx.changed(definition, "update", app, item);
			}
			case "DELETE" -> delete(definition, item, app);
			default -> {
			}
		}
		return StateContext.ok(this.ctx.present(item));
	}

	private void delete(String definition, ObjectNode item, ObjectNode app) {
		this.ctx.store.remove(definition, item);
		switch (definition) {
			case "pipeline" -> this.ctx.store.removeIf("pipeline-coupling", belongsTo("pipeline", id(item)));
			case "add-on" -> {
				// Heroku answers the add-on as it ends: deprovisioned, its config vars gone from the app
				item.put("state", "deprovisioned");
				if (app != null) {
					this.addOnConfig.detached(item, app);
					// its attachments and its own log drains go with it
					for (String owned : List.of("add-on-attachment", "log-drain")) {
						for (ObjectNode other : this.ctx.ofApp(owned, app)) {
							if (id(item).equals(other.path("addon").path("id").asString())) {
								this.ctx.store.remove(owned, other);
								this.ctx.changed(owned, "destroy", app, other);
							}
						}
					}
				}
			}
			default -> {
			}
		}
		this.ctx.changed(definition, "destroy", app, item);
	}

	/** The stored app an item embeds, or null. */
	private ObjectNode appOf(ObjectNode item) {
		JsonNode appId = item.path("app").path("id");
		return appId.isString() ? this.ctx.findApp(appId.asString()).orElse(null) : null;
	}

	/** Creates one of {@link #DEFINITIONS} under its parents (app, pipeline). Seeds use it too. */
	ObjectNode create(String definition, List<ObjectNode> parents, JsonNode body) {
		ObjectNode item = this.ctx.fresh(definition);
		for (ObjectNode parent : parents) {
			String field = parent.has("git_url") ? "app" : "pipeline";
			if (item.has(field)) {
				item.set(field, StateContext.ref(item.get(field), parent));
			}
		}
		overlay(this.ctx, item, body);
		switch (definition) {
			case "add-on" -> addOn(item, body);
			case "domain" -> domain(item, body);
			case "collaborator" -> {
				((ObjectNode) item.get("user")).put("id", ResourceStore.newId());
				item.put("role", "collaborator");
			}
			case "log-drain" -> {
				item.put("token", "d." + ResourceStore.newId());
				if (!body.hasNonNull("addon")) {
					item.putNull("addon"); // a drain the user added; an add-on's own drain names its add-on
				}
			}
			case "sni-endpoint" -> {
				item.put("name", word() + "-" + ThreadLocalRandom.current().nextInt(10000, 99999));
				item.putNull("display_name");
				item.putArray("domains");
			}
			case "pipeline-coupling" -> {
				ObjectNode pipeline = this.ctx.store.find("pipeline", item.path("pipeline").path("id").asString(""), any())
					.orElseThrow(() -> HerokuError.notFound("pipeline"));
				// Heroku's couplings carry the pipeline's name too (the CLI shows it)
				item.set("pipeline", NODES.objectNode().put("id", id(pipeline)).put("name", pipeline.get("name").asString()));
			}
			default -> {
			}
		}
		requireUnique(definition, item, parents);
		if ("add-on".equals(definition)) {
			// provisioning -> provisioned on the timeline; at once with the default zero delay (lifecycles.json)
			this.lifecycles.start(definition, item, item.path("app").path("name").asString(null));
		}
		this.ctx.store.add(definition, item);
		ObjectNode app = appOf(item);
		this.ctx.changed(definition, "create", app, item);
		if ("add-on".equals(definition) && app != null) {
			attach(item, app, body);
		}
		return item;
	}

	private void addOn(ObjectNode item, JsonNode body) {
		String plan = item.path("plan").path("name").asString("heroku-postgresql:dev");
		String service = plan.contains(":") ? plan.substring(0, plan.indexOf(':')) : plan;
		((ObjectNode) item.get("addon_service")).put("name", service);
		if (text(body, "name") == null) {
			item.put("name", service.replace("heroku-", "") + "-" + word() + "-" + ThreadLocalRandom.current().nextInt(10000, 99999));
		}
		item.putArray("config_vars"); // set by AddOnConfig when the API attaches it
		if (item.get("billing_entity") instanceof ObjectNode entity && item.get("app") instanceof ObjectNode app) {
			entity.put("id", app.path("id").asString()).put("name", app.path("name").asString()).put("type", "app");
		}
	}

	/** Heroku attaches a new add-on to its app under a name such as {@code DATABASE}. */
	private void attach(ObjectNode addOn, ObjectNode app, JsonNode body) {
		String service = addOn.path("addon_service").path("name").asString();
		String name = text(body.path("attachment"), "name");
		if (name == null) {
			name = switch (service) {
				case "heroku-postgresql" -> "DATABASE";
				case "heroku-redis" -> "REDIS";
				default -> service.replace('-', '_').toUpperCase(Locale.ROOT);
			};
		}
		ObjectNode attachment = this.ctx.fresh("add-on-attachment");
		attachment.set("app", StateContext.ref(attachment.get("app"), app));
		attachment.set("addon", NODES.objectNode().put("id", id(addOn)).put("name", addOn.get("name").asString())
			.set("app", NODES.objectNode().put("id", id(app)).put("name", app.get("name").asString())));
		attachment.put("name", name);
		attachment.putNull("namespace");
		this.ctx.store.add("add-on-attachment", attachment);
		this.ctx.changed("add-on-attachment", "create", app, attachment);
	}

	private void domain(ObjectNode item, JsonNode body) {
		item.put("cname", item.get("hostname").asString().replace('.', '-') + ".herokudns.com");
		item.put("kind", "custom");
		item.putNull("acm_status");
		item.putNull("acm_status_reason");
		item.putNull("sni_endpoint");
		String sni = text(body, "sni_endpoint");
		ObjectNode app = appOf(item);
		if (sni != null && app != null) {
			this.ctx.store.findOfApp("sni-endpoint", id(app), sni).ifPresent(endpoint -> {
				item.set("sni_endpoint", NODES.objectNode().put("id", id(endpoint)).put("name", endpoint.get("name").asString()));
				if (endpoint.get("domains") instanceof ArrayNode domains) {
					domains.add(id(item)); // Heroku lists the domains' ids
				}
			});
		}
	}

	private void requireUnique(String definition, ObjectNode item, List<ObjectNode> parents) {
		String unique = UNIQUE.get(definition);
		if (unique == null) {
			return;
		}
		String pointer = "/" + unique.replace('.', '/');
		String value = item.at(pointer).asString("");
		// add-on names are unique in the whole account, the rest within their app
		ObjectNode app = "add-on".equals(definition) ? null : appOf(item);
		List<ObjectNode> peers = app != null ? this.ctx.ofApp(definition, app) : this.ctx.store.list(definition, any());
		if (peers.stream().anyMatch(other -> value.equals(other.at(pointer).asString("")))) {
			throw HerokuError.invalidParams(unique.substring(unique.lastIndexOf('.') + 1) + " " + value + " is already taken.");
		}
	}

	/** {@code POST /actions/addons/resolve}: the add-on named by {@code addon} (its name, id or an attachment name of {@code app}). */
	ApiResult resolveAddOn(ApiCall call) {
		JsonNode body = call.body();
		String wanted = text(body, "addon");
		String appName = text(body, "app");
		String service = text(body, "addon_service");
		ObjectNode app = appName == null ? null : this.ctx.findApp(appName).orElseThrow(() -> HerokuError.notFound("app"));
		List<ObjectNode> found = new ArrayList<>();
		List<ObjectNode> addOns = app != null ? this.ctx.ofApp("add-on", app) : this.ctx.store.list("add-on", any());
		addOns.stream().filter(a -> ResourceStore.matches(a, wanted)).forEach(found::add);
		if (found.isEmpty() && app != null) {
			for (ObjectNode attachment : this.ctx.ofApp("add-on-attachment", app)) {
				if (wanted.equalsIgnoreCase(attachment.path("name").asString())) {
					this.ctx.store.find("add-on", attachment.path("addon").path("id").asString(), any()).ifPresent(found::add);
				}
			}
		}
		List<ObjectNode> matching = found.stream()
			.filter(a -> service == null || service.equals(a.path("addon_service").path("name").asString()))
			.distinct()
			.toList();
		if (matching.isEmpty()) {
			throw HerokuError.notFound("add-on");
		}
		return StateContext.ok(this.ctx.array(matching));
	}

	/**
	 * Copies request values onto a resource, where the resource has a field of that name: scalars as they are;
	 * a string for an embedded object names it (a stored app, pipeline or add-on is looked up, else the string becomes
	 * its {@code email}, {@code name} or {@code id}); an object merges into an embedded object.
	 */
	static void overlay(StateContext ctx, ObjectNode target, JsonNode body) {
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			JsonNode current = target.get(key);
			if (current == null) {
				continue;
			}
			if (current instanceof ObjectNode embedded && value.isString()) {
				String definition = FIELD_DEFINITIONS.get(key);
				if (definition != null) {
					ObjectNode stored = ctx.store.find(definition, value.asString(), any())
						.orElseThrow(() -> HerokuError.notFound(key));
					target.set(key, StateContext.ref(embedded, stored));
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

	private static String word() {
		List<String> words = List.of("shallow", "curly", "rugged", "sinuous", "flexible", "cubic", "spherical");
		return words.get(ThreadLocalRandom.current().nextInt(words.size()));
	}

}
