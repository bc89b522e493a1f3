package dev.heroku4j.simulator.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar target/heroku-simulator.jar}, as a user runs it. */
class ShadedJarIT {

	private static final Path JAR = Path.of(System.getProperty("simulator.shaded.jar", "target/heroku-simulator.jar"));

	@Test
	void executableJar_answersAppsWithDemoSeed() throws Exception {
		assertThat(JAR).exists();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process server = java("--port", String.valueOf(port), "--seed", "demo");
		try {
			Http http = new Http("http://localhost:" + port);
			int status = 0;
			for (int i = 0; i < 150 && status == 0; i++) {
				try {
					status = http.sendOrThrow("GET", "/apps", null).statusCode();
				}
				catch (IOException notYet) {
					Thread.sleep(100);
				}
			}
			assertThat(status).isEqualTo(200);
			assertThat(Http.json(http.get("/apps"))).hasSize(3);
			assertThat(http.with("Authorization", null).get("/apps").statusCode()).isEqualTo(401);
		}
		finally {
			server.destroy();
			server.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void executableJar_badArgument_exits2WithOneLine() throws Exception {
		Process process = java("--port", "not-a-port");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
		List<String> lines = new String(process.getErrorStream().readAllBytes()).lines().toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).startsWith("heroku-simulator: ");
		assertThat(Files.size(JAR)).isGreaterThan(1_000_000);
	}

	private static Process java(String... args) throws IOException {
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

}
