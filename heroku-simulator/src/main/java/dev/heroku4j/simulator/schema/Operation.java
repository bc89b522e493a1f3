package dev.heroku4j.simulator.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A distinct (method, href) pair and every link that declares it, per variant. Several links can share one: POST
 * {@code /apps/{app}/releases} is both "Create" and "Rollback".
 */
public final class Operation {

	private final String method;

	private final HrefTemplate template;

	private final Map<SchemaVariant, List<Link>> links = new EnumMap<>(SchemaVariant.class);

	Operation(String method, String href) {
		this.method = method;
		this.template = new HrefTemplate(href);
	}

	void add(Link link) {
		this.links.computeIfAbsent(link.variant(), v -> new ArrayList<>()).add(link);
	}

	public String method() {
		return this.method;
	}

	public String href() {
		return this.template.href();
	}

	public HrefTemplate template() {
		return this.template;
	}

	/** The variants that declare this operation. */
	public Set<SchemaVariant> variants() {
		return Collections.unmodifiableSet(this.links.keySet());
	}

	/** The links of one variant, empty if that variant lacks the operation. */
	public List<Link> links(SchemaVariant variant) {
		return Collections.unmodifiableList(this.links.getOrDefault(variant, List.of()));
	}

	/** The variant to judge with when a caller does not say: {@code 3} when it has the operation, else {@code 3.sdk}. */
	public SchemaVariant preferredVariant() {
		return this.links.containsKey(SchemaVariant.V3) ? SchemaVariant.V3 : SchemaVariant.V3_SDK;
	}

	/** The links that serve a request of this variant; {@code 3.sdk} falls back to a {@code 3}-only operation. */
	public List<Link> linksFor(SchemaVariant requested) {
		List<Link> own = links(requested);
		return own.isEmpty() && requested == SchemaVariant.V3_SDK ? links(SchemaVariant.V3) : own;
	}

	/** The definition that declares the operation (identical in both variants). */
	public String definition() {
		return links(preferredVariant()).get(0).definition();
	}

	@Override
	public String toString() {
		return this.method + " " + this.template.href();
	}

}
