package dev.heroku4j.simulator.schema;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed href template. Each {@code {(...)}} is exactly one path segment whose content is a URL-encoded JSON pointer
 * ({@code #/definitions/app/definitions/identity}); everything else is literal.
 */
public final class HrefTemplate {

	/**
	 * One segment of a template.
	 *
	 * @param literal the literal text, or {@code null} for a parameter
	 * @param pointer the decoded JSON pointer of a parameter, e.g. {@code #/definitions/app/definitions/identity}
	 */
	public record Segment(String literal, String pointer) {

		public boolean isParameter() {
			return this.literal == null;
		}

		/** The definition a parameter identifies, e.g. {@code app} for {@code #/definitions/app/definitions/identity}. */
		public String definition() {
			String[] parts = this.pointer.split("/");
			return parts.length > 2 ? parts[2] : "";
		}

		/** The field a parameter names, e.g. {@code identity}, {@code id} or {@code formation_type}. */
		public String field() {
			return this.pointer.substring(this.pointer.lastIndexOf('/') + 1);
		}
	}

	/**
	 * A path parameter bound to a request's value.
	 *
	 * @param segment the template segment
	 * @param value the decoded value from the request path
	 */
	public record Binding(Segment segment, String value) {
	}

	private final String href;

	private final List<Segment> segments;

	public HrefTemplate(String href) {
		this.href = href;
		List<Segment> parsed = new ArrayList<>();
		for (String part : split(href)) {
			if (part.startsWith("{(") && part.endsWith(")}")) {
				parsed.add(new Segment(null, decode(part.substring(2, part.length() - 2))));
			}
			else {
				parsed.add(new Segment(part, null));
			}
		}
		this.segments = List.copyOf(parsed);
	}

	public String href() {
		return this.href;
	}

	public List<Segment> segments() {
		return this.segments;
	}

	/** Binds a request path (already split into decoded segments) to this template, if it fits. */
	public Optional<List<Binding>> match(List<String> pathSegments) {
		if (pathSegments.size() != this.segments.size()) {
			return Optional.empty();
		}
		List<Binding> bindings = new ArrayList<>();
		for (int i = 0; i < this.segments.size(); i++) {
			Segment segment = this.segments.get(i);
			String value = pathSegments.get(i);
			if (segment.isParameter()) {
				if (value.isEmpty()) {
					return Optional.empty();
				}
				bindings.add(new Binding(segment, value));
			}
			else if (!segment.literal().equals(value)) {
				return Optional.empty();
			}
		}
		return Optional.of(bindings);
	}

	/**
	 * Orders templates that fit the same path: a literal segment beats a parameter at the first place where they
	 * differ, so {@code /users/~/pipeline-couplings} wins over {@code /users/{account}/pipeline-couplings}.
	 */
	public int specificityCompare(HrefTemplate other) {
		for (int i = 0; i < Math.min(this.segments.size(), other.segments.size()); i++) {
			boolean mine = this.segments.get(i).isParameter();
			boolean theirs = other.segments.get(i).isParameter();
			if (mine != theirs) {
				return mine ? 1 : -1;
			}
		}
		return 0;
	}

	/** Splits a path into its decoded segments, without the leading empty one. */
	public static List<String> splitPath(String path) {
		List<String> result = new ArrayList<>();
		for (String part : split(path)) {
			result.add(decode(part));
		}
		return result;
	}

	private static List<String> split(String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		List<String> parts = new ArrayList<>(List.of(trimmed.split("/", -1)));
		// a single trailing slash is tolerated, as Heroku's router does
		if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
			parts.remove(parts.size() - 1);
		}
		return parts;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text; // a malformed %-escape is kept verbatim rather than failing the request
		}
	}

	@Override
	public String toString() {
		return this.href;
	}

}
