package dev.heroku4j.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the node scripts of {@code src/test/node} (node-heroku-client, the Heroku CLI) against the simulator, in an
 * environment that keeps them on loopback ({@link LoopbackEnvironment}), and reads their one-JSON-line-per-check
 * output. The packages come from {@code package-lock.json}; {@code npm ci} installs them when
 * {@code node_modules} is missing (CI does it in a step of its own beforehand).
 */
final class NodeClients {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path module;

	private final LoopbackEnvironment environment;

	NodeClients(Path module, LoopbackEnvironment environment) {
		this.module = module;
		this.environment = environment;
	}

	void install() throws IOException, InterruptedException {
		if (Files.isRegularFile(this.module.resolve("node_modules/.package-lock.json"))) {
			return;
		}
		// the registry is needed here only: the scripts themselves run with npm pointed at a dead loopback port.
		// Nothing inherited: this JVM's stdin and stdout are Surefire's channel to Maven, and node makes the
		// descriptors it inherits non-blocking, which broke that channel ("std/in stream corrupted").
		Path log = this.module.resolve("target/npm-ci.log");
		Files.createDirectories(log.getParent());
		Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
			.directory(this.module.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		npm.getOutputStream().close();
		if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
			npm.destroyForcibly();
			throw new IllegalStateException("npm ci in " + this.module + " failed: " + Files.readString(log));
		}
	}

	List<CheckResult> run(String client, String script) throws IOException, InterruptedException {
		Path log = Files.createTempFile(this.environment.home(), client, ".stderr");
		ProcessBuilder builder = new ProcessBuilder("node", this.module.resolve("src/test/node").resolve(script).toString())
			.directory(this.environment.home().toFile())
			.redirectError(log.toFile());
		Map<String, String> env = builder.environment();
		env.clear();
		env.putAll(this.environment.variables());
		Process node = builder.start();
		node.getOutputStream().close();
		List<CheckResult> results = new ArrayList<>();
		for (String line : new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
			if (line.startsWith("{")) {
				JsonNode check = JSON.readTree(line);
				results.add(new CheckResult(client, check.get("op").asString(), check.get("ok").asBoolean(),
						check.has("reason") ? check.get("reason").asString() : ""));
			}
		}
		if (!node.waitFor(5, TimeUnit.MINUTES) || node.exitValue() != 0) {
			node.destroyForcibly();
			throw new IllegalStateException(script + " stopped early (exit " + (node.isAlive() ? "timeout" : node.exitValue())
					+ "): " + Files.readString(log));
		}
		results.addAll(offLoopback(client));
		return results;
	}

	/**
	 * One failed check per host the guard kept a client from reaching ({@code off loopback: <host>}), so that each
	 * is either a known difference (a URL the simulator handed out that is not its own) or fails the build.
	 */
	private List<CheckResult> offLoopback(String client) throws IOException {
		Map<String, String> byHost = new LinkedHashMap<>();
		for (String line : this.environment.takeRefusedConnections()) {
			String host = line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
			byHost.putIfAbsent(host, "a connection refused by the loopback guard: " + line);
		}
		List<CheckResult> results = new ArrayList<>();
		byHost.forEach((host, reason) -> results.add(CheckResult.failed(client, "off loopback: " + host, reason)));
		return results;
	}

}
