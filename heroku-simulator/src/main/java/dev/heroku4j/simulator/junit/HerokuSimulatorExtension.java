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
 * Classes without a common base share one by name: {@link #shared(String, Consumer)} gives one simulator per JVM for
 * each name, the options of the first class to start it applying.
 * Before each test the journal and faults are cleared (state stays, so a class can build on it); call
 * {@link HerokuSimulator#reset()} for a clean slate, or {@link #resetBeforeEachClass()} to have it done before each
 * test class.
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

	/** The key of the simulator in the root store: this extension, or the name given to {@link #shared}. */
	private final Object key;

	private final boolean resetBeforeEachClass;

	private HerokuSimulator simulator;

	public HerokuSimulatorExtension() {
		this(builder -> {
		}, null, false);
	}

	private HerokuSimulatorExtension(Consumer<HerokuSimulator.Builder> options, Object key, boolean resetBeforeEachClass) {
		this.options = options;
		this.key = (key != null) ? key : this;
		this.resetBeforeEachClass = resetBeforeEachClass;
	}

	/** An extension whose simulator is configured by {@code options} (seed, rate limit, tokens...). */
	public static HerokuSimulatorExtension with(Consumer<HerokuSimulator.Builder> options) {
		return new HerokuSimulatorExtension(options, null, false);
	}

	/**
	 * An extension whose simulator is the one of every other {@code shared} extension of that {@code name} in this
	 * JVM: started by the first test class that needs it, with that extension's {@code options}, and kept until the
	 * run ends, so Spring contexts cached by one class still reach it from the next.
	 */
	public static HerokuSimulatorExtension shared(String name, Consumer<HerokuSimulator.Builder> options) {
		return new HerokuSimulatorExtension(options, new SharedName(name), false);
	}

	/** The same extension, with the simulator {@linkplain HerokuSimulator#reset() reset} before each test class. */
	public HerokuSimulatorExtension resetBeforeEachClass() {
		return new HerokuSimulatorExtension(this.options, (this.key == this) ? null : this.key, true);
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
		// kept in the root store, which JUnit closes when the whole run ends
		ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
		boolean startedBefore = store.get(this.key) != null;
		this.simulator = store.computeIfAbsent(this.key, key -> {
			HerokuSimulator.Builder builder = HerokuSimulator.builder();
			this.options.accept(builder);
			return new Running(builder.start());
		}, Running.class).simulator();
		if (startedBefore && this.resetBeforeEachClass) {
			// the class that started it has a fresh one; each later class gets the seed again, not what came before
			this.simulator.reset();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// the simulator outlives the class (see the class comment); the root store closes it at the end of the run
	}

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HerokuSimulatorExtension.class);

	/** The root-store key of a simulator shared by name, apart from keys that are extension instances. */
	private record SharedName(String name) {
	}

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
