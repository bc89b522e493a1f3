package dev.heroku4j.simulator.http;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error as Heroku reports it: {@code {"id": ..., "message": ..., "url": ...}} with the HTTP status that goes with it.
 * Thrown anywhere while a request is handled; the server turns it into the response.
 */
public class HerokuError extends RuntimeException {

	private static final String DOCS = "https://devcenter.heroku.com/articles/platform-api-reference#";

	private final int status;

	private final String id;

	public HerokuError(int status, String id, String message) {
		super(message, null, false, false);
		this.status = status;
		this.id = id;
	}

	public static HerokuError notFound(String what) {
		return new HerokuError(404, "not_found", "Couldn't find that " + what + ".");
	}

	public static HerokuError invalidParams(String message) {
		return new HerokuError(422, "invalid_params", message);
	}

	public int status() {
		return this.status;
	}

	public String id() {
		return this.id;
	}

	public ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put("id", this.id);
		json.put("message", getMessage());
		json.put("url", DOCS + "clients");
		return json;
	}

}
