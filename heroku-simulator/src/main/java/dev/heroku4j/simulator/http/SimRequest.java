package dev.heroku4j.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A received request, independent of the HTTP server library.
 *
 * @param method HTTP method, upper case
 * @param path the raw path (still percent-encoded), without the query
 * @param query the query string, or empty
 * @param headers headers by lower-case name
 * @param body the body bytes (empty when none)
 * @param baseUrl {@code http://<Host header>}, for URLs that point back at the simulator
 */
public record SimRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
		String baseUrl) {

	public String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
