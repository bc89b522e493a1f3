package dev.heroku4j.simulator.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A misbehaviour to inject for matching requests. Build one with a factory, narrow it with {@link #on} and
 * {@link #times}, then hand it to {@link Faults#inject}:
 * <pre>{@code sim.faults().inject(Fault.status(503).on("POST", "/apps").times(1));}</pre>
 * Path patterns are globs over the request path: {@code *} matches within one segment, {@code **} across segments.
 */
public final class Fault {

	/** What the fault does. */
	public enum Kind {

		/** Wait before answering normally. */
		LATENCY,
		/** Answer with the given status and a Heroku error body instead of handling the request. */
		STATUS,
		/** Close the connection with a TCP reset instead of answering. */
		CONNECTION_RESET,
		/** Send the headers (with the full Content-Length) and half the body, then close the connection. */
		TRUNCATED_BODY

	}

	private final Kind kind;

	private final int status;

	private final Duration latency;

	private final String method;

	private final String pathPattern;

	private final int times;

	private Fault(Kind kind, int status, Duration latency, String method, String pathPattern, int times) {
		this.kind = kind;
		this.status = status;
		this.latency = latency;
		this.method = method;
		this.pathPattern = pathPattern;
		this.times = times;
	}

	public static Fault latency(Duration latency) {
		Objects.requireNonNull(latency, "latency");
		return new Fault(Kind.LATENCY, 0, latency, null, "**", -1);
	}

	/** A 5xx answer ({@code 500 internal_server_error}, {@code 503 service_unavailable}, ...). */
	public static Fault status(int status) {
		if (status < 500 || status > 599) {
			throw new IllegalArgumentException("fault status must be 5xx, was " + status);
		}
		return new Fault(Kind.STATUS, status, Duration.ZERO, null, "**", -1);
	}

	public static Fault connectionReset() {
		return new Fault(Kind.CONNECTION_RESET, 0, Duration.ZERO, null, "**", -1);
	}

	public static Fault truncatedBody() {
		return new Fault(Kind.TRUNCATED_BODY, 0, Duration.ZERO, null, "**", -1);
	}

	/** Only for this method ({@code null} or {@code *} for any) and path glob. */
	public Fault on(String method, String pathPattern) {
		String m = (method == null || method.equals("*")) ? null : method.toUpperCase(Locale.ROOT);
		return new Fault(this.kind, this.status, this.latency, m, Objects.requireNonNull(pathPattern, "pathPattern"),
				this.times);
	}

	/** Only for the next {@code n} matching requests; without this the fault stays until cleared. */
	public Fault times(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("times must be >= 1, was " + n);
		}
		return new Fault(this.kind, this.status, this.latency, this.method, this.pathPattern, n);
	}

	public Kind kind() {
		return this.kind;
	}

	public int status() {
		return this.status;
	}

	public Duration latency() {
		return this.latency;
	}

	public String method() {
		return this.method;
	}

	public String pathPattern() {
		return this.pathPattern;
	}

	/** How many matching requests it applies to, or -1 for all. */
	public int times() {
		return this.times;
	}

	boolean matches(String requestMethod, String path) {
		return (this.method == null || this.method.equalsIgnoreCase(requestMethod)) && glob(this.pathPattern).matcher(path).matches();
	}

	static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
				regex.append(".*");
				i++;
			}
			else if (c == '*') {
				regex.append("[^/]*");
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

	@Override
	public String toString() {
		String what = switch (this.kind) {
			case LATENCY -> "latency " + this.latency.toMillis() + "ms";
			case STATUS -> "status " + this.status;
			case CONNECTION_RESET -> "connection reset";
			case TRUNCATED_BODY -> "truncated body";
		};
		return what + " on " + (this.method == null ? "*" : this.method) + " " + this.pathPattern
				+ (this.times > 0 ? " x" + this.times : "");
	}

}
