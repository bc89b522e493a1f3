package dev.heroku4j.simulator.schema;

import tools.jackson.databind.JsonNode;

/**
 * One link (operation) of one schema variant, exactly as the hyper-schema declares it.
 *
 * @param variant the schema variant that declares it
 * @param definition the definition whose {@code links} array holds it, e.g. {@code app}
 * @param pointer JSON pointer to the link inside its document, e.g. {@code /definitions/app/links/0}
 * @param method upper-case HTTP method
 * @param href the href template, e.g. {@code /apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}}
 * @param rel the link relation ({@code create}, {@code instances}, ...), or {@code null}
 * @param title the link title, e.g. {@code Create}
 * @param schema the request body schema, or {@code null}
 * @param targetSchema the response body schema, or {@code null}
 */
public record Link(SchemaVariant variant, String definition, String pointer, String method, String href, String rel,
		String title, JsonNode schema, JsonNode targetSchema) {

	public boolean hasSchema() {
		return this.schema != null;
	}

	public boolean hasTargetSchema() {
		return this.targetSchema != null;
	}

	/** Whether a successful response has no body at all ({@code rel: empty}). */
	public boolean isEmpty() {
		return "empty".equals(this.rel);
	}

	/** JSON pointer of the schema a response is judged against (see {@link HerokuSchema#responseSchema}). */
	public String targetSchemaPointer() {
		return this.pointer + "/targetSchema";
	}

	public String schemaPointer() {
		return this.pointer + "/schema";
	}

	@Override
	public String toString() {
		return this.variant.version() + " " + this.definition + " " + this.title + " " + this.method + " " + this.href;
	}

}
