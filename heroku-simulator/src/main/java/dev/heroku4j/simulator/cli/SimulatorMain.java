package dev.heroku4j.simulator.cli;

import dev.heroku4j.simulator.ratelimit.RateLimiter;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.state.Timings;

/**
 * {@code java -jar heroku-simulator.jar [--port 5000] [--host 127.0.0.1] [--seed empty|demo] [--rate-limit 4500] [--refill-per-minute 75] [--token T]...
 * [--admin-token T] [--journal-capacity N] [--build-ms 0] [--release-phase-ms 0] [--dyno-boot-ms 1000]}
 * Runs until killed. A bad argument prints one line and exits with status 2.
 */
public final class SimulatorMain {

	static final int USAGE_ERROR = 2;

	static final String USAGE = "usage: heroku-simulator [--port N] [--host ADDR] [--seed empty|demo] [--rate-limit N] [--refill-per-minute N] [--token T]... [--admin-token T] [--journal-capacity N] [--build-ms N] [--release-phase-ms N] [--dyno-boot-ms N] [--lifecycle-ms RESOURCE=N]...";

	private SimulatorMain() {
	}

	public static void main(String[] args) {
		HerokuSimulator sim;
		try {
			sim = parse(args).start();
		}
		catch (UsageException ex) {
			System.err.println("heroku-simulator: " + ex.getMessage());
			System.exit(ex.getMessage().equals(USAGE) ? 0 : USAGE_ERROR);
			return;
		}
		catch (RuntimeException ex) {
			System.err.println("heroku-simulator: cannot start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "heroku-simulator-shutdown"));
		announce(sim, System.out);
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void announce(HerokuSimulator sim, PrintStream out) {
		out.println("Heroku simulator listening on " + sim.baseUrl() + " (port " + sim.port() + ")");
		out.println("Admin token (Authorization: Bearer ... for /__simulator/journal, faults, reset): " + sim.adminToken());
		out.flush();
	}

	/** Turns arguments into a builder; throws {@link UsageException} with a one-line message. */
	static HerokuSimulator.Builder parse(String[] args) {
		HerokuSimulator.Builder builder = HerokuSimulator.builder();
		Double refill = null; // the command line refills like Heroku unless told otherwise, whatever the budget
		Timings timings = Timings.DEFAULT;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--help") || option.equals("-h")) {
				throw new UsageException(USAGE);
			}
			if (i + 1 >= args.length) {
				throw new UsageException("option " + option + " needs a value (" + USAGE + ")");
			}
			String value = args[++i];
			try {
				switch (option) {
					case "--port" -> builder.port(Integer.parseInt(value));
					case "--host" -> builder.host(value);
					case "--seed" -> builder.seed(value);
					case "--rate-limit" -> builder.rateLimit(Integer.parseInt(value));
					case "--refill-per-minute" -> refill = Double.parseDouble(value);
					case "--token" -> builder.tokens(value);
					case "--admin-token" -> builder.adminToken(value);
					case "--journal-capacity" -> builder.journalCapacity(Integer.parseInt(value));
					case "--build-ms" -> timings = timings.withBuild(Duration.ofMillis(Long.parseLong(value)));
					case "--release-phase-ms" -> timings = timings.withReleasePhase(Duration.ofMillis(Long.parseLong(value)));
					case "--dyno-boot-ms" -> timings = timings.withDynoBoot(Duration.ofMillis(Long.parseLong(value)));
					case "--lifecycle-ms" -> {
						int equals = value.indexOf('=');
						if (equals < 1) {
							throw new UsageException("option --lifecycle-ms needs RESOURCE=N (e.g. space=500), got '" + value + "'");
						}
						timings = timings.withLifecycle(value.substring(0, equals),
								Duration.ofMillis(Long.parseLong(value.substring(equals + 1))));
					}
					default -> throw new UsageException("unknown option " + option + " (" + USAGE + ")");
				}
			}
			catch (NumberFormatException ex) {
				throw new UsageException("option " + option + " needs a number, got '" + value + "'");
			}
			catch (IllegalArgumentException ex) {
				if (ex instanceof UsageException) {
					throw ex;
				}
				throw new UsageException(ex.getMessage());
			}
		}
		return builder.timings(timings).refillPerMinute(refill != null ? refill : RateLimiter.HEROKU_REFILL_PER_MINUTE);
	}

	/** A command-line mistake, reported as one line. */
	static final class UsageException extends IllegalArgumentException {

		UsageException(String message) {
			super(message);
		}

	}

}
