package dev.heroku4j.simulator.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.http.SimRequest;
import dev.heroku4j.simulator.http.SimResponse;
import dev.heroku4j.simulator.state.Failures;
import dev.heroku4j.simulator.stream.LineLog.Line;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the stream URLs the API hands out: {@code /__simulator/streams/builds/<id>},
 * {@code /__simulator/streams/releases/<id>} (output, open until the build or release phase ends) and
 * {@code /__simulator/log-sessions/<id>} (a log session's {@code logplex_url}).
 * <p>
 * {@code text/plain} by default; {@code Accept: text/event-stream} gets Server-Sent Events, one event per line
 * ({@code id:} its line number, {@code data:} the line). Resuming: {@code Last-Event-Id: n} continues after line n;
 * {@code Range: bytes=n-} continues a plain-text stream after its first n bytes (206). Either way nothing is lost or
 * sent twice. Like Heroku's stream URLs they need no API key: the URL is the credential.
 */
public final class StreamEndpoints {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Streams streams;

	private final Failures failures;

	private final Duration tailIdle;

	/**
	 * @param tailIdle a tailing log session ends after this long without a new line (zero: never), so a client that
	 * reads a tail to its end, as after Heroku closes it, gets one
	 */
	public StreamEndpoints(Streams streams, Failures failures, Duration tailIdle) {
		this.streams = streams;
		this.failures = failures;
		this.tailIdle = tailIdle;
	}

	/** The response for a stream path (after {@code /__simulator/}), or empty if the path is not a stream. */
	public Optional<SimResponse> handle(String rest, SimRequest request) {
		if (!"GET".equals(request.method())) {
			return Optional.empty();
		}
		if (rest.startsWith("streams/builds/") || rest.startsWith("streams/releases/")) {
			String id = rest.substring(rest.lastIndexOf('/') + 1);
			LineLog output = this.streams.existingOutput(id).orElse(null);
			if (output == null) {
				return Optional.of(error(HerokuError.notFound("stream")));
			}
			return Optional.of(serve(request, output.follow(resumeAfter(request) + 1, true)));
		}
		if (rest.startsWith("log-sessions/")) {
			String id = rest.substring("log-sessions/".length());
			Streams.Session session = this.streams.session(id).orElse(null);
			if (session == null) {
				return Optional.of(error(HerokuError.notFound("log session")));
			}
			long from = Math.max(session.start(), resumeAfter(request) + 1);
			Flux<Line> lines = this.streams.appLog(session.appId()).follow(from, session.tail());
			if (!session.tail()) {
				long end = session.start() + session.lines() - 1;
				lines = lines.takeWhile(line -> line.number() <= end);
			}
			else if (!this.tailIdle.isZero()) {
				lines = lines.timeout(this.tailIdle, Flux.empty());
			}
			lines = lines.filter(line -> matches(session, line.text()));
			return Optional.of(serve(request, lines));
		}
		return Optional.empty();
	}

	private SimResponse serve(SimRequest request, Flux<Line> lines) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Cache-Control", "no-cache");
		if (wantsEvents(request)) {
			headers.put("Content-Type", "text/event-stream; charset=utf-8");
			return stream(200, headers, cut(lines.map(line -> "id: " + line.number() + "\ndata: " + line.text() + "\n\n")));
		}
		headers.put("Content-Type", "text/plain; charset=utf-8");
		long skip = byteOffset(request);
		Flux<String> text = cut(lines.map(line -> line.text() + "\n"));
		if (skip <= 0) {
			return stream(200, headers, text);
		}
		return stream(206, headers, skipBytes(text, skip));
	}

	/**
	 * With an injected stream cut: the first {@code afterLines} lines (events) whole, then half of the next one, then
	 * a broken connection, as a real break falls mid-line; a client must drop the half and read it again.
	 */
	private Flux<String> cut(Flux<String> chunks) {
		return this.failures.take(Failures.Kind.STREAM_CUT, null, null)
			.map(cut -> chunks.index()
				.takeUntil(indexed -> indexed.getT1() >= cut.afterLines())
				.map(indexed -> indexed.getT1() < cut.afterLines() ? indexed.getT2() : half(indexed.getT2()))
				.concatWith(Flux.error(new IllegalStateException("injected: stream cut after " + cut.afterLines() + " lines"))))
			.orElse(chunks);
	}

	/** A line (an event: its id and half its data) broken off half-way, before its line end. */
	static String half(String chunk) {
		int from = chunk.startsWith("id: ") ? chunk.indexOf("data: ") + "data: ".length() : 0;
		int end = chunk.stripTrailing().length();
		return chunk.substring(0, from + (end - from) / 2);
	}

	/** Drops the first {@code skip} bytes of the text (a line that straddles the offset is sent from there on). */
	static Flux<String> skipBytes(Flux<String> text, long skip) {
		long[] seen = { 0 };
		return text.concatMap(chunk -> {
			byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
			long start = seen[0];
			seen[0] += bytes.length;
			if (seen[0] <= skip) {
				return Flux.empty();
			}
			int from = (int) Math.max(0, skip - start);
			return Flux.just(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
		});
	}

	private static boolean matches(Streams.Session session, String line) {
		// "2024-01-01T00:00:00Z app[web.1]: ..." : source before '[', dyno inside
		int open = line.indexOf('[');
		int close = line.indexOf(']');
		int space = line.indexOf(' ');
		if (open < 0 || close < open || space < 0) {
			return session.dyno() == null && session.source() == null;
		}
		String source = line.substring(space + 1, open);
		String dyno = line.substring(open + 1, close);
		boolean sourceOk = session.source() == null || session.source().equals(source);
		boolean dynoOk = session.dyno() == null || session.dyno().equals(dyno) || dyno.startsWith(session.dyno() + ".");
		return sourceOk && dynoOk;
	}

	private static boolean wantsEvents(SimRequest request) {
		String accept = request.header("accept");
		return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
	}

	/** The line number after which to resume ({@code Last-Event-Id}), 0 for the start. */
	private static long resumeAfter(SimRequest request) {
		String last = request.header("last-event-id");
		if (last == null || last.isBlank()) {
			return 0;
		}
		try {
			return Math.max(0, Long.parseLong(last.trim()));
		}
		catch (NumberFormatException ex) {
			throw new HerokuError(400, "bad_request", "Last-Event-Id must be a line number, was '" + last + "'.");
		}
	}

	/** {@code Range: bytes=n-} (n bytes already read); 0 when absent. */
	private static long byteOffset(SimRequest request) {
		String range = request.header("range");
		if (range == null || !range.trim().startsWith("bytes=")) {
			return 0;
		}
		String spec = range.trim().substring("bytes=".length());
		int dash = spec.indexOf('-');
		try {
			return dash <= 0 ? 0 : Long.parseLong(spec.substring(0, dash).trim());
		}
		catch (NumberFormatException ex) {
			throw new HerokuError(416, "requested_range_not_satisfiable", "Range must be 'bytes=<offset>-', was '" + range + "'.");
		}
	}

	private static SimResponse stream(int status, Map<String, String> headers, Flux<String> chunks) {
		return new SimResponse(status, headers, new byte[0], Duration.ZERO, null, chunks);
	}

	private static SimResponse error(HerokuError error) {
		return new SimResponse(error.status(), Map.of("Content-Type", "application/json"),
				MAPPER.writeValueAsBytes(error.toJson()), Duration.ZERO, null, null);
	}

}
