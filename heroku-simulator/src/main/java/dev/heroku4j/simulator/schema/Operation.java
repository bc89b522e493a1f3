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

	/** Links from the {@link VariantCatalog}, by the named variant that serves them. */
	private final Map<String, List<Link>> named = new java.util.LinkedHashMap<>();

	Operation(String method, String href) {
		this.method = method;
		this.template = new HrefTemplate(href);
	}

	void add(Link link) {
		this.links.computeIfAbsent(link.variant(), v -> new ArrayList<>()).add(link);
	}

	void addNamed(String version, Link link) {
		this.named.computeIfAbsent(version, v -> new ArrayList<>()).add(link);
	}

	/** Whether only named variants serve this operation (it is in neither snapshot). */
	public boolean isDataOnly() {
		return this.links.isEmpty();
	}

	/** The named variants with links of their own for this operation. */
	public Set<String> namedVersions() {
		return Collections.unmodifiableSet(this.named.keySet());
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

	/**
	 * The links that serve a request of this version: a named variant's own links if the catalog has some, else its
	 * base variant's, else (tolerated, as real Heroku serves every variant from one API) the other variant's.
	 */
	public List<Link> linksFor(ApiVersion version) {
		List<Link> own = this.named.get(version.version());
		if (own != null) {
			return Collections.unmodifiableList(own);
		}
		if (!version.isNamed()) {
			return linksFor(version.base());
		}
		List<Link> base = links(version.base());
		return base.isEmpty() ? links(preferredVariant()) : base;
	}

	/** The definition that declares the operation (identical in both variants). */
	public String definition() {
		return isDataOnly() ? this.named.values().iterator().next().get(0).definition()
				: links(preferredVariant()).get(0).definition();
	}

	@Override
	public String toString() {
		return this.method + " " + this.template.href();
	}

}
