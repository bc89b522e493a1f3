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

	/** Operations that only named variants serve (links in neither snapshot). */
	private final Map<String, Operation> dataOperations = new LinkedHashMap<>();

	private final List<Link> dataLinks = new ArrayList<>();

	private final VariantCatalog catalog;

	/** Snapshot and catalog operations together, for routing. */
	private final List<Operation> routable;

	public OperationIndex(HerokuSchema... schemas) {
		this(null, schemas);
	}

	/** Indexes the schemas' links and, with a catalog, grafts its links into their base schemas. */
	public OperationIndex(VariantCatalog catalog, HerokuSchema... schemas) {
		this.catalog = catalog;
		for (HerokuSchema schema : schemas) {
			this.schemas.put(schema.variant(), schema);
			for (Link link : schema.links()) {
				this.operations.computeIfAbsent(link.method() + " " + link.href(),
						key -> new Operation(link.method(), link.href())).add(link);
			}
		}
		if (catalog != null) {
			for (VariantCatalog.DataLink data : catalog.links()) {
				for (String version : data.versions()) {
					HerokuSchema base = this.schemas.get(catalog.version(version).orElseThrow().base());
					Link link = base.graft(data.definition(), data.link());
					String key = link.method() + " " + link.href();
					Operation operation = this.operations.containsKey(key) ? this.operations.get(key)
							: this.dataOperations.computeIfAbsent(key, k -> new Operation(link.method(), link.href()));
					operation.addNamed(version, link);
					this.dataLinks.add(link);
				}
			}
		}
		List<Operation> all = new ArrayList<>(this.operations.values());
		all.addAll(this.dataOperations.values());
		this.routable = List.copyOf(all);
	}

	/** Loads both variants from the classpath, with the {@link VariantCatalog}'s additions. */
	public static OperationIndex load() {
		return new OperationIndex(VariantCatalog.load(), HerokuSchema.load(SchemaVariant.V3),
				HerokuSchema.load(SchemaVariant.V3_SDK));
	}

	/** The named variants and data links this index was built with (an empty catalog when built without one). */
	public Optional<VariantCatalog> catalog() {
		return Optional.ofNullable(this.catalog);
	}

	/** The links added from the catalog (not in {@link #links()}, which lists the snapshots' own). */
	public List<Link> dataLinks() {
		return Collections.unmodifiableList(this.dataLinks);
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

	/** The operation declared with exactly this method and href template (in a snapshot or the catalog). */
	public Optional<Operation> operation(String method, String href) {
		String key = method.toUpperCase(java.util.Locale.ROOT) + " " + href;
		return Optional.ofNullable(this.operations.getOrDefault(key, this.dataOperations.get(key)));
	}


	/** The most specific operation whose template fits the path and whose method matches. */
	public Optional<Match> match(String method, String path) {
		List<String> segments = HrefTemplate.splitPath(path);
		Match best = null;
		for (Operation operation : this.routable) {
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
		for (Operation operation : this.routable) {
			if (operation.template().match(segments).isPresent()) {
				methods.add(operation.method());
			}
		}
		return methods;
	}

}
