package dev.heroku4j.simulator.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The simulator as a Testcontainers container, listening on port 5000 inside.
 * <pre>{@code
 * @Container
 * static HerokuSimulatorContainer heroku = new HerokuSimulatorContainer(Path.of("../heroku-simulator/target/heroku-simulator.jar"))
 *     .withSeed("demo");
 *
 * @DynamicPropertySource
 * static void heroku(DynamicPropertyRegistry registry) {
 *     registry.add("heroku.base-url", heroku::baseUrl);
 * }
 * }</pre>
 * With heroku-spring-boot-autoconfigure and spring-boot-testcontainers on the test classpath, {@code @ServiceConnection}
 * on the field does the same (base URL and {@link #apiKey()}), with no {@code @DynamicPropertySource}.
 */
public class HerokuSimulatorContainer extends GenericContainer<HerokuSimulatorContainer> {

	public static final int PORT = 5000;

	/** The key {@link #apiKey()} gives when none is set: the simulator accepts any key unless told otherwise. */
	public static final String DEFAULT_API_KEY = "heroku-simulator-container";

	/** Generated here so the test side knows it: the container's plumbing needs it (see {@link #adminToken()}). */
	private final String adminToken = "sim-admin-" + java.util.UUID.randomUUID();

	private String apiKey = DEFAULT_API_KEY;

	private final List<String> arguments = new ArrayList<>(
			List.of("--host", "0.0.0.0", "--port", String.valueOf(PORT), "--admin-token", this.adminToken));

	/** A container from an image built on the fly with {@link SimulatorImage#build(Path)}. */
	public HerokuSimulatorContainer(Path shadedJar) {
		super(SimulatorImage.build(shadedJar));
		setUp();
	}

	/** A container from an image built beforehand, e.g. {@code local/heroku-simulator:latest}. */
	public HerokuSimulatorContainer(DockerImageName image) {
		super(image);
		setUp();
	}

	private void setUp() {
		withExposedPorts(PORT);
		waitingFor(Wait.forHttp("/__simulator/health").forStatusCode(200));
		withCommand(this.arguments.toArray(String[]::new));
	}

	/** Starts with a named seed ({@code demo} or {@code empty}). */
	public HerokuSimulatorContainer withSeed(String seed) {
		this.arguments.addAll(List.of("--seed", seed));
		return withCommand(this.arguments.toArray(String[]::new));
	}

	/** Sets the request budget. */
	public HerokuSimulatorContainer withRateLimit(int budget) {
		this.arguments.addAll(List.of("--rate-limit", String.valueOf(budget)));
		return withCommand(this.arguments.toArray(String[]::new));
	}

	/** How many requests the journal keeps (default 10,000). */
	public HerokuSimulatorContainer withJournalCapacity(int entries) {
		this.arguments.addAll(List.of("--journal-capacity", String.valueOf(entries)));
		return withCommand(this.arguments.toArray(String[]::new));
	}

	/** The token for {@code Authorization: Bearer ...} on {@code /__simulator/journal}, faults, reset, rate limit, judge. */
	public String adminToken() {
		return this.adminToken;
	}

	/** Accepts only {@code key} as API key (repeatable); {@link #apiKey()} gives the last one set. */
	public HerokuSimulatorContainer withApiKey(String key) {
		this.apiKey = key;
		this.arguments.addAll(List.of("--token", key));
		return withCommand(this.arguments.toArray(String[]::new));
	}

	/** An API key the simulator in this container accepts: the value for {@code heroku.api-key}. */
	public String apiKey() {
		return this.apiKey;
	}

	/** {@code http://<host>:<mapped port>}: the value for {@code heroku.base-url}. */
	public String baseUrl() {
		return "http://" + getHost() + ":" + getMappedPort(PORT);
	}

}
