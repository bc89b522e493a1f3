package dev.heroku4j.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The faults in force. Thread-safe; a fault limited with {@link Fault#times} disappears once used up. */
public final class Faults {

	/**
	 * What to do to one request.
	 *
	 * @param latency added delay (sum of matching latency faults)
	 * @param action the first matching non-latency fault, or {@code null}
	 */
	public record Plan(Duration latency, Fault action) {

		public String describe() {
			List<String> parts = new ArrayList<>();
			if (!this.latency.isZero()) {
				parts.add("latency " + this.latency.toMillis() + "ms");
			}
			if (this.action != null) {
				parts.add(this.action.toString());
			}
			return parts.isEmpty() ? null : String.join(", ", parts);
		}
	}

	private static final class Active {

		final Fault fault;

		int left;

		Active(Fault fault) {
			this.fault = fault;
			this.left = fault.times();
		}

	}

	private final List<Active> active = new ArrayList<>();

	public synchronized Faults inject(Fault fault) {
		this.active.add(new Active(fault));
		return this;
	}

	public synchronized void clear() {
		this.active.clear();
	}

	/** The faults still in force, in the order injected. */
	public synchronized List<Fault> active() {
		return this.active.stream().map(a -> a.fault).toList();
	}

	/** Decides, and uses up, what happens to a request. */
	public synchronized Plan plan(String method, String path) {
		Duration latency = Duration.ZERO;
		Fault action = null;
		List<Active> spent = new ArrayList<>();
		for (Active candidate : this.active) {
			if (!candidate.fault.matches(method, path)) {
				continue;
			}
			boolean applies = candidate.fault.kind() == Fault.Kind.LATENCY || action == null;
			if (!applies) {
				continue;
			}
			if (candidate.fault.kind() == Fault.Kind.LATENCY) {
				latency = latency.plus(candidate.fault.latency());
			}
			else {
				action = candidate.fault;
			}
			if (candidate.left > 0 && --candidate.left == 0) {
				spent.add(candidate);
			}
		}
		this.active.removeAll(spent);
		return new Plan(latency, action);
	}

}
