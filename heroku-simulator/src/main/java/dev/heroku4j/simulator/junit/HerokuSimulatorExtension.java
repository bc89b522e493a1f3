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
 * Starts one simulator per test class and injects it into test and lifecycle methods that take a
 * {@link HerokuSimulator} parameter. Before each test the journal and faults are cleared (state stays, so a class can
 * build on it); call {@link HerokuSimulator#reset()} for a clean slate.
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
			HerokuSimulator.Builder builder = HerokuSimulator.builder();
			this.options.accept(builder);
			this.simulator = builder.start();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.simulator != null) {
			this.simulator.close();
			this.simulator = null;
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
