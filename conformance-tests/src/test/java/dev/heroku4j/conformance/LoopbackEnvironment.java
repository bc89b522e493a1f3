package dev.heroku4j.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole environment of the node processes: nothing inherited but {@code PATH} (so no proxy variables either), a
 * throw-away home, and every
 * setting the clients read that could send them elsewhere pointed at the simulator or turned off. Each variable is
 * explained, with the place in the client's code where it is read, in this module's README.
 */
final class LoopbackEnvironment {

	private final Path home;

	private final Map<String, String> variables = new LinkedHashMap<>();

	LoopbackEnvironment(Path home, Path module, String simulatorUrl, String apiKey) throws IOException {
		this.home = home;
		Path guardLog = guardLog(home);
		put("PATH", System.getenv("PATH"));
		put("HOME", home.toString());
		put("XDG_CONFIG_HOME", home.resolve(".config").toString());
		put("XDG_CACHE_HOME", home.resolve(".cache").toString());
		put("XDG_DATA_HOME", home.resolve(".local/share").toString());
		put("LANG", "C.UTF-8");
		put("NODE_OPTIONS", "--require " + module.resolve("src/test/node/loopback-guard.js"));
		put("LOOPBACK_GUARD_LOG", guardLog.toString());
		// the simulator, for the scripts and for the clients
		put("SIMULATOR_URL", simulatorUrl);
		put("HEROKU_API_KEY", apiKey);
		put("HEROKU_HOST", simulatorUrl);
		put("HEROKU_PARTICLEBOARD_URL", simulatorUrl);
		put("HEROKU_GIT_HOST", "127.0.0.1");
		// Heroku's buildpack registry is another host: the simulator serves the call buildpacks:set makes there
		put("HEROKU_BUILDPACK_REGISTRY_URL", simulatorUrl + "/__simulator/buildpack-registry");
		// telemetry (Herokulytics, OpenTelemetry, Sentry), update checks, autoupdate: off
		put("DISABLE_TELEMETRY", "true");
		put("HEROKU_SKIP_NEW_VERSION_CHECK", "true");
		put("HEROKU_DISABLE_AUTOUPDATE", "1");
		// git, which the CLI configures as a credential helper at start: never the user's ~/.gitconfig
		put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
		put("GIT_CONFIG_NOSYSTEM", "1");
	}

	private static Path guardLog(Path home) throws IOException {
		Path log = home.resolve("loopback-guard.log");
		Files.deleteIfExists(log);
		return log;
	}

	private void put(String name, String value) {
		this.variables.put(name, value);
	}

	Map<String, String> variables() {
		return this.variables;
	}

	Path home() {
		return this.home;
	}

	/**
	 * The connections the guard refused since the last call, one line each ({@code host:port from <command>}):
	 * anything here means a client tried to leave loopback.
	 */
	List<String> takeRefusedConnections() throws IOException {
		Path log = this.home.resolve("loopback-guard.log");
		if (!Files.exists(log)) {
			return List.of();
		}
		List<String> lines = Files.readAllLines(log);
		Files.delete(log);
		return lines;
	}

}
