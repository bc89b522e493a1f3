package dev.heroku4j.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.heroku4j.simulator.fault.Faults;
import dev.heroku4j.simulator.http.AdminEndpoints;
import dev.heroku4j.simulator.http.RequestHandler;
import dev.heroku4j.simulator.http.SimulatorServer;
import dev.heroku4j.simulator.journal.Journal;
import dev.heroku4j.simulator.ratelimit.RateLimiter;
import dev.heroku4j.simulator.registry.BuildpackRegistry;
import dev.heroku4j.simulator.schema.OperationIndex;
import dev.heroku4j.simulator.schema.SchemaVariant;
import dev.heroku4j.simulator.seed.Seed;
import dev.heroku4j.simulator.seed.Seeds;
import dev.heroku4j.simulator.state.ResourceStore;
import dev.heroku4j.simulator.state.FailureEndpoints;
import dev.heroku4j.simulator.state.StatefulApi;
import dev.heroku4j.simulator.state.Timings;
import dev.heroku4j.simulator.stream.StreamEndpoints;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import dev.heroku4j.simulator.validation.Judge;
import dev.heroku4j.simulator.validation.SchemaValidator;
import dev.heroku4j.simulator.webhook.SimulatorWebhooks;

/**
 * A running Heroku Platform API simulator.
 * <pre>{@code
 * try (HerokuSimulator sim = HerokuSimulator.builder().seed(Seeds.DEMO).rateLimit(100).start()) {
 *     URI apps = URI.create(sim.baseUrl() + "/apps");
 *     ...
 *     assertThat(sim.journal().invalid()).isEmpty();
 * }
 * }</pre>
 */
public final class HerokuSimulator implements AutoCloseable {

	/** Schemas, routes and compiled validators are immutable: load them once per JVM, however many simulators run. */
	private static final class Shared {

		static final OperationIndex INDEX = OperationIndex.load();

		static final SchemaValidator VALIDATOR = new SchemaValidator(INDEX);

	}

	private final SimulatorServer server;

	private final StatefulApi api;

	private final RateLimiter rateLimiter;

	private final Faults faults = new Faults();

	private final Journal journal;

	private final String adminToken;

	private final Judge judge;

	private final Seed seed;

	private final SimulatorWebhooks webhooks;

	private HerokuSimulator(Builder builder) {
		OperationIndex index = Shared.INDEX;
		Map<SchemaVariant, ResponseSynthesizer> synthesizers = new EnumMap<>(SchemaVariant.class);
		for (SchemaVariant variant : SchemaVariant.values()) {
			synthesizers.put(variant, new ResponseSynthesizer(index.schema(variant)));
		}
		this.journal = new Journal(builder.journalCapacity);
		this.adminToken = builder.adminToken != null ? builder.adminToken : newAdminToken();
		this.api = new StatefulApi(new ResourceStore(), synthesizers.get(SchemaVariant.V3), builder.clock, builder.timings);
		this.rateLimiter = new RateLimiter(builder.rateLimit, builder.refillPerMinute, System::nanoTime);
		this.judge = new Judge(index, Shared.VALIDATOR);
		this.seed = builder.seed;
		this.webhooks = new SimulatorWebhooks(this.api, builder.webhookBackoff, builder.webhookAttempts);
		this.api.handleOthers(this.webhooks.endpoints()::handle);
		applySeed();
		StreamEndpoints streams = new StreamEndpoints(this.api.streams(), this.api.failures(), builder.tailIdle);
		FailureEndpoints failures = new FailureEndpoints(this.api);
		BuildpackRegistry registry = new BuildpackRegistry();
		AdminEndpoints admin = new AdminEndpoints(this.api.store(), this.journal, this.faults, this.rateLimiter,
				this.judge, this::reset, (rest, request) -> streams.handle(rest, request).or(() -> failures.handle(rest, request))
					.or(() -> registry.handle(rest, request)));
		RequestHandler handler = new RequestHandler(index, Shared.VALIDATOR, synthesizers, this.api, this.rateLimiter,
				this.faults, this.journal, Set.copyOf(builder.tokens), this.adminToken, admin);
		this.server = SimulatorServer.start(builder.host, builder.port, handler);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Starts a simulator with defaults: empty account, 4,500 requests, any bearer token, a random 127.0.0.1 port. */
	public static HerokuSimulator start() {
		return builder().start();
	}

	/** {@code http://127.0.0.1:<port>}, without a trailing slash. */
	public String baseUrl() {
		String host = this.server.host();
		if ("0.0.0.0".equals(host) || "::".equals(host)) {
			host = "127.0.0.1";
		}
		return "http://" + host + ":" + this.server.port();
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * The key that the {@code /__simulator/} plumbing (journal, faults, reset, rate limit, judge) needs as
	 * {@code Authorization: Bearer <token>}; random unless {@link Builder#adminToken} set one. API keys do not reach it.
	 */
	public String adminToken() {
		return this.adminToken;
	}

	private static String newAdminToken() {
		byte[] random = new byte[24];
		new java.security.SecureRandom().nextBytes(random);
		return "sim-admin-" + java.util.HexFormat.of().formatHex(random);
	}

	/** Faults to inject into matching requests. */
	public Faults faults() {
		return this.faults;
	}

	/** Every request received, with its verdict. */
	public Journal journal() {
		return this.journal;
	}

	/** Validation of JSON against Heroku's schema, for contract tests. */
	public Judge judge() {
		return this.judge;
	}

	/** The request budget behind {@code RateLimit-Remaining}. */
	public RateLimiter rateLimit() {
		return this.rateLimiter;
	}

	/** The stateful part of the API, to arrange data directly (as seeds do) or inspect it. */
	public StatefulApi state() {
		return this.api;
	}

	/** App webhooks registered on the simulator, their events and deliveries. */
	public SimulatorWebhooks webhooks() {
		return this.webhooks;
	}

	/** Back to the state just after start: seed data only, an empty journal, no faults, a full request budget. */
	public void reset() {
		this.api.clear();
		this.webhooks.registry().clear();
		applySeed();
		this.journal.clear();
		this.faults.clear();
		this.rateLimiter.reset();
	}

	/** The seed's data as it stands once its builds, releases and dyno boots are over. */
	private void applySeed() {
		this.seed.apply(this.api);
		this.api.settle();
	}

	@Override
	public void close() {
		this.server.close();
		this.webhooks.close();
		this.api.close();
	}

	/** Options of a simulator; {@link #start()} binds it. */
	public static final class Builder {

		private Seed seed = Seed.EMPTY;

		private int rateLimit = RateLimiter.HEROKU_BUDGET;

		private double refillPerMinute = RateLimiter.HEROKU_REFILL_PER_MINUTE;

		private String host = "127.0.0.1";

		private int port = 0;

		private final Set<String> tokens = new LinkedHashSet<>();

		private String adminToken;

		private int journalCapacity = Journal.DEFAULT_CAPACITY;

		private Duration webhookBackoff = Duration.ofMillis(500);

		private int webhookAttempts = 5;

		private Clock clock = Clock.systemUTC();

		private Timings timings = Timings.DEFAULT;

		private Duration tailIdle = Duration.ofSeconds(2);

		private Builder() {
		}

		/**
		 * Retries of {@code sync} webhook deliveries that got no 2xx: {@code attempts} in all (default 5), the first
		 * retry after {@code firstBackoff} (default 500 ms), doubling each time.
		 */
		public Builder webhookRetries(int attempts, Duration firstBackoff) {
			if (attempts < 1 || firstBackoff.isNegative()) {
				throw new IllegalArgumentException("webhook retries need attempts >= 1 and a back-off >= 0, were "
						+ attempts + " and " + firstBackoff);
			}
			this.webhookAttempts = attempts;
			this.webhookBackoff = firstBackoff;
			return this;
		}

		/**
		 * How long a tailing log session ({@code tail: true}) stays open without a new line before the simulator ends it,
		 * as Heroku ends tails eventually; default two seconds, zero keeps tails open until the client leaves.
		 */
		public Builder tailIdleTimeout(Duration idle) {
			if (Objects.requireNonNull(idle, "idle").isNegative()) {
				throw new IllegalArgumentException("tail idle timeout must not be negative, was " + idle);
			}
			this.tailIdle = idle;
			return this;
		}

		/**
		 * How long builds, release phases and dyno boots take; default {@link Timings#DEFAULT} (builds done by the next
		 * request, no release phase, dynos up after a second). {@link Timings#INSTANT} moves everything on at the next
		 * request.
		 */
		public Builder timings(Timings timings) {
			this.timings = Objects.requireNonNull(timings, "timings");
			return this;
		}

		/** How long a dyno takes from {@code starting} to {@code up}; default one second. */
		public Builder dynoBoot(Duration delay) {
			return timings(this.timings.withDynoBoot(delay));
		}

		/**
		 * The clock the state's time runs on; default the system clock. With another clock (a test's) time moves only
		 * when it does, and pending changes run at the next request or {@code state().runDue()}: deterministic.
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Initial data, e.g. {@link Seeds#DEMO}; default none. */
		public Builder seed(Seed seed) {
			this.seed = Objects.requireNonNull(seed, "seed");
			return this;
		}

		/** A seed by name: {@code empty} or {@code demo}. */
		public Builder seed(String name) {
			return seed(Seeds.named(name));
		}

		/**
		 * The request budget ({@code RateLimit-Remaining} at start); default 4,500, refilled like Heroku's. A budget given
		 * here is not refilled unless {@link #refillPerMinute} says so, so a test can run it out deterministically.
		 */
		public Builder rateLimit(int budget) {
			if (budget < 0) {
				throw new IllegalArgumentException("rate limit must be >= 0, was " + budget);
			}
			this.rateLimit = budget;
			this.refillPerMinute = 0;
			return this;
		}

		/** Tokens added to the budget per minute, up to the budget; Heroku's is 75 (the default without a budget). */
		public Builder refillPerMinute(double tokens) {
			if (tokens < 0 || Double.isNaN(tokens)) {
				throw new IllegalArgumentException("refill must be >= 0 tokens a minute, was " + tokens);
			}
			this.refillPerMinute = tokens;
			return this;
		}

		/** Port to bind; default 0, a free one. */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be 0..65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/** Address to bind; default 127.0.0.1 ({@code 0.0.0.0} inside a container). */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host");
			return this;
		}

		/** Accept only these API keys (sent as Bearer, or Basic with {@code :key} or {@code email:key}); by default any non-empty key is accepted. */
		public Builder tokens(String... tokens) {
			this.tokens.addAll(List.of(tokens));
			return this;
		}

		/** The admin token for the {@code /__simulator/} plumbing; default a random one (see {@link HerokuSimulator#adminToken()}). */
		public Builder adminToken(String token) {
			if (token == null || token.isBlank()) {
				throw new IllegalArgumentException("admin token must not be blank");
			}
			this.adminToken = token;
			return this;
		}

		/** How many requests the journal keeps (the oldest go first); default 10,000. */
		public Builder journalCapacity(int entries) {
			if (entries < 1) {
				throw new IllegalArgumentException("journal capacity must be >= 1, was " + entries);
			}
			this.journalCapacity = entries;
			return this;
		}

		public HerokuSimulator start() {
			return new HerokuSimulator(this);
		}

	}

}
