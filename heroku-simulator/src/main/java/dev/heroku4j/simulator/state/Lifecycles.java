package dev.heroku4j.simulator.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.any;

/**
 * Resources Heroku moves through states on its own (a space allocating, a VPN connection provisioning, an add-on
 * provisioning), as data: {@code lifecycles.json} beside this class says per resource which field, which start,
 * success and failure states, what failure detail and what default delay ({@link Timings#lifecycles()} overrides it).
 * Those created in the simulator are stored and move on its timeline; one it never created (an unknown id) is still
 * answered from the schema's sample, as before. A space's NAT has no create link: it follows its space.
 */
final class Lifecycles {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonNode DATA = load();

	private final StateContext ctx;

	private final Map<String, JsonNode> byResource = new LinkedHashMap<>();

	Lifecycles(StateContext ctx) {
		this.ctx = ctx;
		DATA.get("lifecycles").forEach(entry -> this.byResource.put(entry.get("resource").asString(), entry));
		DATA.get("derived").forEach(entry -> this.byResource.put(entry.get("resource").asString(), entry));
		ctx.timings.lifecycles().keySet().forEach(resource -> requireOwn(resource, "to time"));
	}

	/** Refuses a resource without a lifecycle of its own (a derived one follows another: time or fail that one). */
	static void requireOwn(String resource, String purpose) {
		List<String> own = DATA.get("lifecycles").valueStream().map(entry -> entry.get("resource").asString()).toList();
		if (!own.contains(resource)) {
			throw new IllegalArgumentException("no lifecycle '" + resource + "' " + purpose + " in lifecycles.json (a space's NAT "
					+ "follows its space); known: " + String.join(", ", own));
		}
	}

	/** Whether calls of this definition are answered here (an add-on's are answered by {@link GenericResources}). */
	boolean handles(String definition) {
		JsonNode entry = this.byResource.get(definition);
		return entry != null && !entry.path("managedElsewhere").asBoolean();
	}

	/** The call's answer, or null for "answer from the schema's sample" (a resource the simulator did not create). */
	ApiResult handle(ApiCall call) {
		String definition = call.link().definition();
		JsonNode entry = this.byResource.get(definition);
		if (entry.has("follows")) {
			return derived(entry, call);
		}
		String parent = entry.path("parent").asString(null);
		Optional<String> parentIdentity = parent == null ? Optional.empty() : call.param(parent);
		if (parentIdentity.isPresent() && this.ctx.store.find(parent, parentIdentity.get(), any()).isEmpty()) {
			return null; // under a space the simulator did not create: the sample, as before
		}
		Optional<String> own = call.param(definition);
		if ("POST".equals(call.method()) && own.isEmpty() && "create".equals(call.link().rel())) {
			return StateContext.created(this.ctx.present(create(definition, call.body())));
		}
		if (own.isEmpty()) {
			return null;
		}
		ObjectNode item = find(entry, definition, own.get()).orElse(null);
		if (item == null) {
			return null;
		}
		switch (call.method()) {
			case "PATCH", "PUT" -> {
				GenericResources.overlay(this.ctx, item, call.body());
				this.ctx.touch(item);
			}
			case "DELETE" -> this.ctx.store.remove(definition, item);
			default -> {
			}
		}
		return StateContext.ok(this.ctx.present(item));
	}

	/** A stored resource made from the schema's sample and {@code body}, whose lifecycle has started. Seeds use it. */
	ObjectNode create(String definition, JsonNode body) {
		ObjectNode item = this.ctx.fresh(definition);
		GenericResources.overlay(this.ctx, item, body);
		this.ctx.store.add(definition, item);
		start(definition, item, null);
		return item;
	}

	/**
	 * Starts {@code item}'s lifecycle: its field at the start state, the success state after the delay. A zero delay
	 * (and no injected failure) sets the success state at once. {@code app} is what an injected failure may name.
	 */
	void start(String definition, ObjectNode item, String app) {
		JsonNode entry = this.byResource.get(definition);
		String field = entry.get("field").asString();
		Duration delay = this.ctx.timings.lifecycles().getOrDefault(definition, Duration.parse(entry.get("delay").asString()));
		Optional<Failures.Failure> failure = this.ctx.failures.takeLifecycle(definition, app);
		if (failure.isEmpty() && delay.isZero()) {
			item.put(field, entry.get("success").asString());
			return;
		}
		item.put(field, entry.get("start").asString());
		if (failure.isPresent() && failure.get().kind() == Failures.Kind.STUCK) {
			return;
		}
		boolean fails = failure.isPresent();
		this.ctx.timeline.schedule(delay, () -> {
			if (fails) {
				item.put(field, entry.get("failure").asString());
				entry.get("detail").properties().forEach(detail -> {
					if (item.has(detail.getKey())) {
						item.set(detail.getKey(), detail.getValue());
					}
				});
			}
			else {
				item.put(field, entry.get("success").asString());
			}
			this.ctx.touch(item);
			// an add-on's move is an api:addon update to its app's webhooks; the others have no webhook entity
			this.ctx.changed(definition, "update", this.ctx.findApp(item.path("app").path("id").asString("")).orElse(null), item);
		});
	}

	/** A resource that follows another (a space's NAT its space): the sample with the state mapped from the other's. */
	private ApiResult derived(JsonNode entry, ApiCall call) {
		String follows = entry.get("follows").asString();
		Optional<ObjectNode> followed = call.param(follows).flatMap(identity -> this.ctx.store.find(follows, identity, any()));
		if (followed.isEmpty() || !"GET".equals(call.method())) {
			return null;
		}
		String followedState = followed.get().path(this.byResource.get(follows).get("field").asString()).asString();
		ObjectNode item = this.ctx.fresh(call.link().definition());
		item.put(entry.get("field").asString(), entry.get("states").path(followedState).asString("disabled"));
		for (String stamp : List.of("created_at", "updated_at")) {
			if (item.has(stamp)) {
				item.set(stamp, followed.get().get(stamp));
			}
		}
		return StateContext.ok(this.ctx.present(item));
	}

	private Optional<ObjectNode> find(JsonNode entry, String definition, String identity) {
		String extra = entry.path("identity").asString(null);
		return this.ctx.store.list(definition, any()).stream()
			.filter(item -> ResourceStore.matches(item, identity) || extra != null && identity.equals(item.path(extra).asString()))
			.findFirst();
	}

	private static JsonNode load() {
		try (InputStream in = Lifecycles.class.getResourceAsStream("lifecycles.json")) {
			if (in == null) {
				throw new IllegalStateException("lifecycles.json is missing from the simulator's jar");
			}
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
