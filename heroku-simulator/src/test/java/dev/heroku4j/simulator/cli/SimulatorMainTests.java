package dev.heroku4j.simulator.cli;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatorMainTests {

	@Test
	void parse_acceptsOptions() {
		try (HerokuSimulator sim = SimulatorMain.parse(new String[] { "--port", "0", "--seed", "demo", "--rate-limit", "7" }).start()) {
			assertThat(new Http(sim).get("/apps").headers().firstValue("RateLimit-Remaining")).hasValue("6");
		}
	}

	@Test
	void parse_setsTheAdminTokenAndJournalCapacity() {
		try (HerokuSimulator sim = SimulatorMain.parse(
				new String[] { "--port", "0", "--admin-token", "let-me-in", "--journal-capacity", "2" }).start()) {
			assertThat(sim.adminToken()).isEqualTo("let-me-in");
			assertThat(sim.journal().capacity()).isEqualTo(2);
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			SimulatorMain.announce(sim, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(sim.baseUrl()).contains("let-me-in");
		}
		assertThatExceptionOfType(SimulatorMain.UsageException.class)
			.isThrownBy(() -> SimulatorMain.parse(new String[] { "--journal-capacity", "0" }));
	}

	@Test
	void parse_acceptsTimings() {
		var timings = SimulatorMain.parse(new String[] { "--build-ms", "1500", "--release-phase-ms", "200", "--dyno-boot-ms", "0" })
			.start();
		try (timings) {
			assertThat(timings.state().timings()).isEqualTo(new dev.heroku4j.simulator.state.Timings(
					java.time.Duration.ofMillis(1500), java.time.Duration.ofMillis(200), java.time.Duration.ZERO));
		}
	}

	@Test
	void parse_acceptsLifecycleDelays_andStartRefusesAResourceWithoutOne() {
		try (var sim = SimulatorMain.parse(new String[] { "--lifecycle-ms", "space=500", "--lifecycle-ms", "add-on=20" }).start()) {
			assertThat(sim.state().timings().lifecycles()).isEqualTo(java.util.Map.of("space", java.time.Duration.ofMillis(500),
					"add-on", java.time.Duration.ofMillis(20)));
		}
		var unknown = SimulatorMain.parse(new String[] { "--lifecycle-ms", "spaceship=1" });
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(unknown::start)
			.withMessageContaining("no lifecycle 'spaceship'").withMessageContaining("vpn-connection");
	}

	@Test
	void parse_rejectsBadArguments_withOneLine() {
		for (String[] args : List.of(new String[] { "--port" }, new String[] { "--port", "x" }, new String[] { "--bogus", "1" },
				new String[] { "--seed", "nope" }, new String[] { "--rate-limit", "-1" }, new String[] { "--port", "70000" },
				new String[] { "--dyno-boot-ms", "-1" }, new String[] { "--lifecycle-ms", "500" },
				new String[] { "--lifecycle-ms", "space=x" })) {
			assertThatExceptionOfType(SimulatorMain.UsageException.class).isThrownBy(() -> SimulatorMain.parse(args))
				.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
		}
	}

	@Test
	void process_startsAndAnswers_andBadArgsExit2() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process server = java("--port", String.valueOf(port), "--seed", "demo");
		try {
			Http http = new Http("http://127.0.0.1:" + port);
			int status = 0;
			for (int i = 0; i < 600 && status == 0; i++) { // up to a minute: a loaded CI machine starts JVMs slowly
				try {
					status = http.sendOrThrow("GET", "/apps", null).statusCode();
				}
				catch (java.io.IOException notYet) {
					Thread.sleep(100);
				}
			}
			assertThat(status).isEqualTo(200);
			assertThat(Http.json(http.get("/apps"))).hasSize(3);
		}
		finally {
			server.destroy();
			server.waitFor(10, TimeUnit.SECONDS);
		}
		Process bad = java("--frobnicate", "yes");
		assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(bad.exitValue()).isEqualTo(2);
		String stderr = new String(bad.getErrorStream().readAllBytes());
		assertThat(stderr.lines().filter(l -> l.startsWith("heroku-simulator:"))).hasSize(1);
	}

	private static Process java(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SimulatorMain.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

}
