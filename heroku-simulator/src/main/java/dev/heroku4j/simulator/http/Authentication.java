package dev.heroku4j.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Who may call what. API requests need an API key as Heroku reads one: {@code Authorization: Bearer <key>}, or Basic
 * with {@code base64(":" + key)} or {@code base64(email + ":" + key)} (heroku.jar, node-heroku-client and the CLI's
 * netrc send these). Any non-empty key passes unless keys were declared. The simulator's own plumbing
 * ({@code /__simulator/journal}, faults, reset, ...) needs the admin token instead, so an ordinary API key cannot read
 * the journal or change the simulator.
 */
final class Authentication {

	/** Heroku's answer to missing, malformed and unknown credentials alike. */
	static final String INVALID_CREDENTIALS = "Invalid credentials provided.";

	private final Set<String> keys;

	private final String adminToken;

	Authentication(Set<String> keys, String adminToken) {
		this.keys = Set.copyOf(keys);
		this.adminToken = adminToken;
	}

	/** Throws Heroku's 401 unless the request carries an accepted API key. */
	void requireApiKey(SimRequest request) {
		String key = key(request.header("authorization"));
		if (key == null || key.isEmpty() || (!this.keys.isEmpty() && !this.keys.contains(key))) {
			throw new HerokuError(401, "unauthorized", INVALID_CREDENTIALS);
		}
	}

	/** Throws 401 without credentials and 403 with anything but the admin token. */
	void requireAdmin(SimRequest request) {
		String key = key(request.header("authorization"));
		if (key == null || key.isEmpty()) {
			throw new HerokuError(401, "unauthorized", "The simulator's admin endpoints need `Authorization: Bearer "
					+ "<admin token>` (printed at start; HerokuSimulator.adminToken()).");
		}
		if (!key.equals(this.adminToken)) {
			throw new HerokuError(403, "forbidden",
					"An API key does not reach the simulator's admin endpoints; use the admin token.");
		}
	}

	/**
	 * The key of an {@code Authorization} header: {@code Bearer <key>}, or Basic with {@code base64(":" + key)} or
	 * {@code base64(email + ":" + key)}; null when there is none or it is malformed.
	 */
	static String key(String authorization) {
		if (authorization == null) {
			return null;
		}
		String value = authorization.trim();
		if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return value.substring(7).trim();
		}
		if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? null : decoded.substring(colon + 1).trim();
			}
			catch (IllegalArgumentException ex) {
				return null; // not base64: no credentials at all
			}
		}
		return null;
	}

}
