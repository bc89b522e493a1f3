package dev.heroku4j.simulator.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.state.Timings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Log sessions and build output as Heroku serves them: text/plain or SSE, resumable, tailing. */
class StreamTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static HerokuSimulator sim;

	private Http http;

	private ObjectNode app;

	@BeforeAll
	static void start() {
		sim = HerokuSimulator.builder().timings(Timings.INSTANT).start();
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@BeforeEach
	void setUp() {
		sim.reset();
		this.http = new Http(sim);
		assertThat(this.http.send("POST", "/apps", "{\"name\": \"stream-app\"}").statusCode()).isEqualTo(201);
		this.app = sim.state().findApp("stream-app").orElseThrow();
		sim.state().replaceLog(this.app, IntStream.rangeClosed(1, 10).mapToObj(n -> "app[web.1]: line " + n).toList());
	}

	private String session(String body) {
		var response = this.http.send("POST", "/apps/stream-app/log-sessions", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Http.json(response).get("logplex_url").asString();
	}

	private static HttpResponse<InputStream> open(String url, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	/**
	 * Every byte of a stream that breaks off, as received, and that it did break off. Not through the JDK's
	 * InputStream body, which may throw at the break before handing over bytes it already received.
	 */
	private static String readUntilCut(String url, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
		java.util.concurrent.CompletableFuture<HttpResponse<Void>> done = CLIENT.sendAsync(request.build(),
				HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(got::writeBytes)));
		assertThatThrownBy(done::join).as("the stream breaks off").hasRootCauseInstanceOf(IOException.class);
		return got.toString(StandardCharsets.UTF_8);
	}

	private static String read(String url, String... headers) throws Exception {
		try (InputStream body = open(url, headers).body()) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static List<String> texts(String body) {
		return body.lines().map(line -> line.substring(line.indexOf(": ") + 2)).toList();
	}

	@Test
	void logSession_plainText_givesTheLatestLinesAndEnds() throws Exception {
		String url = session("{\"lines\": 3, \"tail\": false}");
		assertThat(url).startsWith(sim.baseUrl() + "/__simulator/log-sessions/");
		HttpResponse<InputStream> response = open(url);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
		String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(texts(body)).containsExactly("line 8", "line 9", "line 10");
		assertThat(body.lines()).allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ app\\[web\\.1\\]: line \\d+"));
	}

	@Test
	void logSession_eventStream_oneEventPerLine_resumedAfterLastEventId() throws Exception {
		String url = session("{\"lines\": 4}");
		HttpResponse<InputStream> response = open(url, "Accept", "text/event-stream");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
		String events = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(events).startsWith("id: 7\ndata: ").endsWith("line 10\n\n").doesNotContain("id: 6\n");
		assertThat(events.split("\n\n")).hasSize(4).allSatisfy(event -> assertThat(event).matches("id: \\d+\ndata: .*line \\d+"));

		String resumed = read(url, "Accept", "text/event-stream", "Last-Event-Id", "8");
		assertThat(resumed.split("\n\n")).extracting(e -> e.substring(0, e.indexOf('\n'))).containsExactly("id: 9", "id: 10");
	}

	@Test
	void plainText_resumedWithARange_losesAndRepeatsNothing() throws Exception {
		String url = session("{\"lines\": 10}");
		String whole = read(url);
		int cut = whole.indexOf("line 4") + 2; // in the middle of a line
		String first = whole.substring(0, cut);
		HttpResponse<InputStream> rest = open(url, "Range", "bytes=" + first.getBytes(StandardCharsets.UTF_8).length + "-");
		assertThat(rest.statusCode()).isEqualTo(206);
		assertThat(first + new String(rest.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(whole);
	}

	@Test
	void tail_keepsTheConnectionOpen_andStreamsNewLinesAsTheyCome() throws Exception {
		String url = session("{\"lines\": 1, \"tail\": true}");
		HttpResponse<InputStream> response = open(url);
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(lines.readLine()).endsWith("line 10");
			sim.state().log(this.app, "app[web.1]", "fresh line");
			assertThat(lines.readLine()).endsWith("app[web.1]: fresh line");
			sim.state().scale(this.app, "web", 1, "basic");
			assertThat(lines.readLine()).endsWith("heroku[web.1]: Starting process with command `bundle exec puma -C config/puma.rb`");
		}
	}

	@Test
	void tail_endsCleanlyAfterAQuietSpell() throws Exception {
		try (HerokuSimulator quiet = HerokuSimulator.builder().tailIdleTimeout(Duration.ofMillis(300)).start()) {
			ObjectNode app = quiet.state().createApp("quiet-app", null, null);
			quiet.state().replaceLog(app, List.of("app[web.1]: only line"));
			var session = new Http(quiet).send("POST", "/apps/quiet-app/log-sessions", "{\"tail\": true}");
			assertThat(texts(read(Http.json(session).get("logplex_url").asString()))).containsExactly("only line");
		}
	}

	@Test
	void cutStream_endsAbruptlyMidLineAfterNLines_andResumesWithoutLossOrRepeat() throws Exception {
		String url = session("{\"lines\": 10}");
		sim.state().failures().streamCut(4);
		List<String> received = readUntilCut(url, "Accept", "text/event-stream").lines().toList();
		// only events ended by their blank line count: the fifth is broken off after its id
		List<String> data = new ArrayList<>();
		String id = null;
		String lastId = null;
		String event = null;
		for (String line : received) {
			if (line.startsWith("id: ")) {
				id = line.substring(4);
			}
			else if (line.startsWith("data: ")) {
				event = line.substring(6);
			}
			else if (line.isEmpty() && event != null) {
				data.add(event);
				lastId = id;
				event = null;
			}
		}
		assertThat(data).hasSize(4);
		assertThat(received).contains("id: 5");
		String rest = read(url, "Accept", "text/event-stream", "Last-Event-Id", lastId);
		rest.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).forEach(data::add);
		assertThat(texts(String.join("\n", data))).containsExactlyElementsOf(
				IntStream.rangeClosed(1, 10).mapToObj(n -> "line " + n).toList());
	}

	@Test
	void cutPlainStream_breaksOffHalfALine() throws Exception {
		String url = session("{\"lines\": 10}");
		String whole = read(url);
		sim.state().failures().streamCut(3);
		String text = readUntilCut(url);
		List<String> lines = whole.lines().toList();
		String complete = String.join("\n", lines.subList(0, 3)) + "\n";
		assertThat(text).startsWith(complete);
		assertThat(text.substring(complete.length())).isNotEmpty().doesNotContain("\n");
		assertThat(lines.get(3)).startsWith(text.substring(complete.length()));
	}

	@Test
	void buildOutput_streamsUntilTheBuildEnds() throws Exception {
		var build = Http.json(this.http.send("POST", "/apps/stream-app/builds", "{\"source_blob\": {\"url\": \"https://example.com/s.tgz\"}}"));
		String url = build.get("output_stream_url").asString();
		HttpResponse<InputStream> response = open(url);
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(lines.readLine()).startsWith("-----> Building on the Heroku-24 stack");
			sim.state().runDue(); // the build ends: its last lines, then the end of the stream
			List<String> rest = lines.lines().toList();
			assertThat(rest).contains("-----> Launching...").last().asString().endsWith("deployed to Heroku");
		}
		assertThat(this.http.get("/__simulator/streams/builds/no-such-build").statusCode()).isEqualTo(404);
	}

	@Test
	void buildOutput_namesTheBuildsBuildpack_elseTheAppsInstalledOne() throws Exception {
		assertThat(builtWith("{\"source_blob\": {\"url\": \"https://example.com/s.tgz\"}}"))
			.startsWith("-----> Using buildpack: none set");
		assertThat(this.http.send("PUT", "/apps/stream-app/buildpack-installations",
				"{\"updates\": [{\"buildpack\": \"heroku/java\"}, {\"buildpack\": \"heroku/nodejs\"}]}").statusCode())
			.isEqualTo(200);
		assertThat(builtWith("{\"source_blob\": {\"url\": \"https://example.com/s.tgz\"}}"))
			.isEqualTo("-----> Using buildpack: heroku/java");
		assertThat(builtWith("{\"source_blob\": {\"url\": \"https://example.com/s.tgz\"}, "
				+ "\"buildpacks\": [{\"url\": \"https://github.com/heroku/heroku-buildpack-go\"}]}"))
			.isEqualTo("-----> Using buildpack: heroku-buildpack-go");
	}

	/** Builds with this body, lets it finish, and returns its output's "Using buildpack" line. */
	private String builtWith(String body) throws Exception {
		var response = this.http.send("POST", "/apps/stream-app/builds", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		sim.state().runDue();
		return read(Http.json(response).get("output_stream_url").asString()).lines()
			.filter(line -> line.contains("Using buildpack")).findFirst().orElseThrow();
	}

}
