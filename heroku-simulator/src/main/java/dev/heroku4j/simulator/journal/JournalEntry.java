package dev.heroku4j.simulator.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator received and how it judged it.
 *
 * @param sequence 1 for the first request since start or {@link Journal#clear()}
 * @param receivedAt when it arrived
 * @param method HTTP method
 * @param path request path without the query
 * @param query the query string, or empty
 * @param headers request headers (names lower-case)
 * @param body the request body as text, or empty
 * @param operation the matched operation as {@code METHOD href-template}, or {@code null} when nothing matched
 * @param linkTitles titles of the links of that operation that the body satisfied (e.g. {@code [Create]})
 * @param variant the {@code Accept} version asked for ({@code 3}, {@code 3.sdk}), or {@code null}
 * @param status the status answered
 * @param valid whether the request was accepted: authorised, routed, right variant and a body valid against the
 *        link's schema as sent (a body accepted only after coercion, as Heroku reads it, is served but not valid)
 * @param messages why not, when not valid (validation messages or the error answered)
 * @param fault the injected fault applied, or {@code null}
 * @param responseMessages problems of the simulator's own response against the link's targetSchema (normally none)
 */
public record JournalEntry(long sequence, Instant receivedAt, String method, String path, String query,
		Map<String, List<String>> headers, String body, String operation, List<String> linkTitles, String variant,
		int status, boolean valid, List<String> messages, String fault, List<String> responseMessages) {

	/** Request headers that carry credentials: never served over HTTP. */
	public static final java.util.Set<String> CREDENTIAL_HEADERS = java.util.Set.of("authorization",
			"proxy-authorization", "cookie", "heroku-two-factor-code");

	/** This entry with the values of credential headers ({@link #CREDENTIAL_HEADERS}) replaced, for serving over HTTP. */
	public JournalEntry withoutCredentials() {
		if (this.headers.keySet().stream().noneMatch(CREDENTIAL_HEADERS::contains)) {
			return this;
		}
		Map<String, List<String>> safe = new java.util.LinkedHashMap<>(this.headers);
		CREDENTIAL_HEADERS.forEach(name -> safe.computeIfPresent(name, (n, values) -> List.of("<redacted>")));
		return new JournalEntry(this.sequence, this.receivedAt, this.method, this.path, this.query, safe, this.body,
				this.operation, this.linkTitles, this.variant, this.status, this.valid, this.messages, this.fault,
				this.responseMessages);
	}

	/** The first value of a request header (name case-insensitive), or {@code null}. */
	public String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		return values == null || values.isEmpty() ? null : values.get(0);
	}

}
