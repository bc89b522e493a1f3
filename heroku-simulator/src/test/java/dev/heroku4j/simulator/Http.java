package dev.heroku4j.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny JDK HttpClient wrapper for tests: Heroku's headers by default, each overridable. */
public final class Http {

	public static final String V3 = "application/vnd.heroku+json; version=3";

	public static final String V3_SDK = "application/vnd.heroku+json; version=3.sdk";

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Http(String baseUrl) {
		this.baseUrl = baseUrl;
		this.headers.put("Accept", V3);
		this.headers.put("Authorization", "Bearer test-token");
	}

	public Http(HerokuSimulator sim) {
		this(sim.baseUrl());
	}

	/** For the {@code /__simulator/} plumbing: the simulator's admin token instead of an API key. */
	public static Http admin(HerokuSimulator sim) {
		return new Http(sim).with("Authorization", "Bearer " + sim.adminToken());
	}

	/** A copy with one header changed; {@code null} removes it. */
	public Http with(String name, String value) {
		Http copy = new Http(this.baseUrl);
		copy.headers.clear();
		copy.headers.putAll(this.headers);
		if (value == null) {
			copy.headers.remove(name);
		}
		else {
			copy.headers.put(name, value);
		}
		return copy;
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, null);
	}

	public HttpResponse<String> send(String method, String path, String body) {
		try {
			return sendOrThrow(method, path, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public HttpResponse<String> sendOrThrow(String method, String path, String body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		this.headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	public static JsonNode json(HttpResponse<String> response) {
		return MAPPER.readTree(response.body());
	}

	/**
	 * The body of an answer with this status that the simulator judged clean (its journal's last entry has no
	 * response messages); null for an empty body.
	 */
	public static JsonNode judged(HerokuSimulator sim, HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(sim.journal().last().responseMessages()).isEmpty();
		return response.body().isEmpty() ? null : json(response);
	}

}
