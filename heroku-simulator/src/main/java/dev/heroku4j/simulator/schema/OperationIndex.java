package dev.heroku4j.simulator.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Every operation of both variants, and the routing of a request path to one of them. */
public final class OperationIndex {

	/**
	 * The result of matching a request path.
	 *
	 * @param operation the operation for the request's method
	 * @param bindings the path parameters
	 */
	public record Match(Operation operation, List<HrefTemplate.Binding> bindings) {
	}

	private final Map<SchemaVariant, HerokuSchema> schemas = new EnumMap<>(SchemaVariant.class);

	private final Map<String, Operation> operations = new LinkedHashMap<>();

	public OperationIndex(HerokuSchema... schemas) {
		for (HerokuSchema schema : schemas) {
			this.schemas.put(schema.variant(), schema);
			for (Link link : schema.links()) {
				this.operations.computeIfAbsent(link.method() + " " + link.href(),
						key -> new Operation(link.method(), link.href())).add(link);
			}
		}
	}

	/** Loads both variants from the classpath. */
	public static OperationIndex load() {
		return new OperationIndex(HerokuSchema.load(SchemaVariant.V3), HerokuSchema.load(SchemaVariant.V3_SDK));
	}

	public HerokuSchema schema(SchemaVariant variant) {
		return this.schemas.get(variant);
	}

	public Collection<Operation> operations() {
		return Collections.unmodifiableCollection(this.operations.values());
	}

	/** Every link of every variant (643 for Heroku's current schemas). */
	public List<Link> links() {
		List<Link> all = new ArrayList<>();
		this.schemas.values().forEach(schema -> all.addAll(schema.links()));
		return all;
	}

	/** The operation declared with exactly this method and href template. */
	public Optional<Operation> operation(String method, String href) {
		return Optional.ofNullable(this.operations.get(method.toUpperCase(java.util.Locale.ROOT) + " " + href));
	}

	/** The most specific operation whose template fits the path and whose method matches. */
	public Optional<Match> match(String method, String path) {
		List<String> segments = HrefTemplate.splitPath(path);
		Match best = null;
		for (Operation operation : this.operations.values()) {
			if (!operation.method().equalsIgnoreCase(method)) {
				continue;
			}
			Optional<List<HrefTemplate.Binding>> bindings = operation.template().match(segments);
			if (bindings.isPresent()
					&& (best == null || operation.template().specificityCompare(best.operation().template()) < 0)) {
				best = new Match(operation, bindings.get());
			}
		}
		return Optional.ofNullable(best);
	}

	/** The methods some operation accepts at this path (for 405 and {@code Allow}); empty when nothing routes there. */
	public Set<String> allowedMethods(String path) {
		List<String> segments = HrefTemplate.splitPath(path);
		Set<String> methods = new TreeSet<>();
		for (Operation operation : this.operations.values()) {
			if (operation.template().match(segments).isPresent()) {
				methods.add(operation.method());
			}
		}
		return methods;
	}

}
