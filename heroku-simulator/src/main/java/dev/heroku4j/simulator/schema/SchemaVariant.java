package dev.heroku4j.simulator.schema;

import java.util.Locale;
import java.util.Optional;

/** The two variants of Heroku's schema, chosen by the {@code version} parameter of the {@code Accept} header. */
public enum SchemaVariant {

	V3("3", "heroku-schema/platform-api.json"),
	V3_SDK("3.sdk", "heroku-schema/platform-api-3.sdk.json");

	public static final String MEDIA_TYPE = "application/vnd.heroku+json";

	private final String version;

	private final String resource;

	SchemaVariant(String version, String resource) {
		this.version = version;
		this.resource = resource;
	}

	/** The value of the {@code version} media-type parameter, e.g. {@code 3.sdk}. */
	public String version() {
		return this.version;
	}

	/** Classpath location of the schema copy that the build packages into the jar. */
	public String resource() {
		return this.resource;
	}

	/** The complete {@code Accept} header value that selects this variant. */
	public String acceptHeader() {
		return MEDIA_TYPE + "; version=" + this.version;
	}

	public static Optional<SchemaVariant> ofVersion(String version) {
		String v = version.trim().toLowerCase(Locale.ROOT);
		for (SchemaVariant variant : values()) {
			if (variant.version.equals(v)) {
				return Optional.of(variant);
			}
		}
		return Optional.empty();
	}

}
