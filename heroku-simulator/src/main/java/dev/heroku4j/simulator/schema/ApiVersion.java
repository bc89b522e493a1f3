package dev.heroku4j.simulator.schema;

/**
 * The {@code version} a request asked for in {@code Accept}: one of the two schema variants, or a named variant
 * ({@code 3.filters}, {@code 3.webhooks}, ...) that Heroku serves on top of one of them.
 *
 * @param version the value as requested (lower case), e.g. {@code 3.pipelines}
 * @param base the schema variant that judges it
 */
public record ApiVersion(String version, SchemaVariant base) {

	public static ApiVersion of(SchemaVariant variant) {
		return new ApiVersion(variant.version(), variant);
	}

	/** A named variant ({@code 3.filters}), not {@code 3} or {@code 3.sdk} themselves. */
	public boolean isNamed() {
		return !this.version.equals(this.base.version());
	}

	@Override
	public String toString() {
		return this.version;
	}

}
