package dev.heroku4j.simulator.state;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.stream.Streams;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every area of the state shares: the store, the schema's samples, the account, the clock and timeline, the
 * streams, injected failures, and the one lock all changes take. Changes announce themselves with
 * {@link #changed}; the events are fired when the outermost {@link #write} has released the lock.
 */
final class StateContext {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * URLs back to the simulator are stored with this origin and given the origin the client used when they are
	 * shown (a container's mapped port is only known then).
	 */
	static final String ORIGIN = "http://heroku-simulator.invalid";

	/** Heroku's webhook entity per definition; changes of other definitions are not webhook events. */
	private static final Map<String, String> ENTITIES = Map.of("app", "api:app", "build", "api:build", "release",
			"api:release", "formation", "api:formation", "dyno", "dyno", "add-on", "api:addon", "add-on-attachment",
			"api:addon-attachment", "domain", "api:domain", "sni-endpoint", "api:sni-endpoint", "collaborator",
			"api:collaborator");

	final ResourceStore store;

	final ResponseSynthesizer synthesizer;

	final ObjectNode account;

	final StateEvents events;

	final Streams streams = new Streams();

	final Failures failures = new Failures();

	final Clock clock;

	final Timings timings;

	final Timeline timeline;

	private final ReentrantLock lock = new ReentrantLock();

	private final List<StateEvents.Change> pending = new ArrayList<>();

	private volatile String origin = "http://127.0.0.1";

	StateContext(ResourceStore store, ResponseSynthesizer synthesizer, StateEvents events, Clock clock, Timings timings) {
		this.store = store;
		this.synthesizer = synthesizer;
		this.account = synthesizer.forDefinition("account");
		this.events = events;
		this.clock = clock;
		this.timings = timings;
		this.timeline = new Timeline(clock, change -> write(() -> {
			change.run();
			return null;
		}));
	}

	/** Runs a change under the state lock; the events it caused are fired after the outermost write unlocks. */
	<T> T write(Supplier<T> change) {
		List<StateEvents.Change> fire = List.of();
		this.lock.lock();
		try {
			return change.get();
		}
		finally {
			if (this.lock.getHoldCount() == 1 && !this.pending.isEmpty()) {
				fire = List.copyOf(this.pending);
				this.pending.clear();
			}
			this.lock.unlock();
			fire.forEach(this.events::fire);
		}
	}

	/** Notes a change for the event listeners; {@code definition} is mapped to Heroku's webhook entity. */
	void changed(String definition, String action, ObjectNode app, ObjectNode resource) {
		String entity = ENTITIES.get(definition);
		if (entity != null && this.events.hasListeners()) {
			this.pending.add(new StateEvents.Change(entity, action, app == null ? null : (ObjectNode) present(app),
					present(resource)));
		}
	}

	void useOrigin(String baseUrl) {
		if (baseUrl != null && !baseUrl.isBlank()) {
			this.origin = baseUrl;
		}
	}

	/** A URL back to the simulator, stored with a placeholder origin (see {@link #ORIGIN}). */
	static String link(String path) {
		return ORIGIN + path;
	}

	String now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** A new resource: the schema's sample of the definition with a fresh id and timestamps. */
	ObjectNode fresh(String definition) {
		ObjectNode item = this.synthesizer.forDefinition(definition);
		if (item.has("id")) {
			item.put("id", ResourceStore.newId());
		}
		String now = now();
		for (String stamp : List.of("created_at", "updated_at")) {
			if (item.has(stamp)) {
				item.put(stamp, now);
			}
		}
		return item;
	}

	void touch(ObjectNode item) {
		if (item.has("updated_at")) {
			item.put("updated_at", now());
		}
	}

	/** An embedded reference shaped like the schema's sample ({@code {"id","name"}}), filled from the stored item. */
	static ObjectNode ref(JsonNode sample, ObjectNode stored) {
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

	static Predicate<ObjectNode> any() {
		return item -> true;
	}

	/** The app named by the call's path, or 404. */
	ObjectNode app(ApiCall call) {
		String identity = call.param("app").orElseThrow(() -> HerokuError.notFound("app"));
		return findApp(identity).orElseThrow(() -> HerokuError.notFound("app"));
	}

	Optional<ObjectNode> findApp(String identity) {
		return this.store.find("app", identity, any());
	}

	/** One of the app's items by identity, or 404 naming {@code what}. */
	ObjectNode ofApp(String definition, ObjectNode app, String identity, String what) {
		return this.store.findOfApp(definition, id(app), identity).orElseThrow(() -> HerokuError.notFound(what));
	}

	List<ObjectNode> ofApp(String definition, ObjectNode app) {
		return this.store.ofApp(definition, id(app));
	}

	/** A copy for a response, with embedded app names refreshed and URLs on the client's origin. */
	JsonNode present(ObjectNode item) {
		ObjectNode copy = item.deepCopy();
		if (copy.get("app") instanceof ObjectNode app && app.has("name") && app.has("id")) {
			findApp(app.get("id").asString()).ifPresent(stored -> app.put("name", stored.get("name").asString()));
		}
		return withOrigin(copy);
	}

	private JsonNode withOrigin(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String field : List.copyOf(object.propertyNames())) {
				JsonNode value = object.get(field);
				if (value.isString() && value.asString().startsWith(ORIGIN)) {
					object.put(field, this.origin + value.asString().substring(ORIGIN.length()));
				}
				else if (value.isContainer()) {
					withOrigin(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(this::withOrigin);
		}
		return node;
	}

	ArrayNode array(List<ObjectNode> items) {
		ArrayNode array = NODES.arrayNode();
		items.forEach(item -> array.add(present(item)));
		return array;
	}

	static ApiResult ok(JsonNode body) {
		return new ApiResult(200, body);
	}

	static ApiResult created(JsonNode body) {
		return new ApiResult(201, body);
	}

	static String id(ObjectNode item) {
		return item.get("id").asString();
	}

	static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return value == null || value.isNull() || value.isContainer() ? null : value.asString();
	}

	static boolean isUuid(String value) {
		return value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
	}

	/** Appends a line to the app's log, stamped like Heroku's: {@code <time> <source>[<dyno>]: <text>}. */
	void log(ObjectNode app, String source, String text) {
		this.streams.appLog(id(app)).append(now() + " " + source + ": " + text);
	}

}
