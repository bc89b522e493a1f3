package dev.heroku4j.simulator.junit;

import java.util.function.Consumer;

import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one simulator per extension instance for the whole test run, and injects it into test and lifecycle methods
 * that take a {@link HerokuSimulator} parameter. Test classes that share the extension (a static field of a common
 * base class) share the simulator, and it stays up until the run ends: Spring's test context cache keeps contexts
 * that point at its URL, so stopping it after one class would cut off the next class that reuses such a context.
 * Before each test the journal and faults are cleared (state stays, so a class can build on it); call
 * {@link HerokuSimulator#reset()} for a clean slate.
 * <pre>{@code
 * @RegisterExtension
 * static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed(Seeds.DEMO));
 *
 * @Test
 * void lists(HerokuSimulator sim) { ... sim.baseUrl() ... }
 * }</pre>
 * {@code @ExtendWith(HerokuSimulatorExtension.class)} works too, with default options. JUnit is a provided dependency
 * of the simulator: this class is only usable where the tests bring {@code junit-jupiter-api}.
 */
public final class HerokuSimulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private final Consumer<HerokuSimulator.Builder> options;

	private HerokuSimulator simulator;

	public HerokuSimulatorExtension() {
		this(builder -> {
		});
	}

	private HerokuSimulatorExtension(Consumer<HerokuSimulator.Builder> options) {
		this.options = options;
	}

	/** An extension whose simulator is configured by {@code options} (seed, rate limit, tokens...). */
	public static HerokuSimulatorExtension with(Consumer<HerokuSimulator.Builder> options) {
		return new HerokuSimulatorExtension(options);
	}

	/** The running simulator (available from {@code @BeforeAll} on). */
	public HerokuSimulator simulator() {
		if (this.simulator == null) {
			throw new IllegalStateException("the simulator starts before all tests of the class");
		}
		return this.simulator;
	}

	/** Shortcut for {@code simulator().baseUrl()}. */
	public String baseUrl() {
		return simulator().baseUrl();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.simulator == null) {
			// kept in the root store, which JUnit closes when the whole run ends
			this.simulator = context.getRoot().getStore(NAMESPACE).computeIfAbsent(this, key -> {
				HerokuSimulator.Builder builder = HerokuSimulator.builder();
				this.options.accept(builder);
				return new Running(builder.start());
			}, Running.class).simulator();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// the simulator outlives the class (see the class comment); the root store closes it at the end of the run
	}

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HerokuSimulatorExtension.class);

	/** A simulator the root store closes at the end of the run. */
	private record Running(HerokuSimulator simulator) implements AutoCloseable {

		@Override
		public void close() {
			this.simulator.close();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		simulator().journal().clear();
		simulator().faults().clear();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == HerokuSimulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return simulator();
	}

}
