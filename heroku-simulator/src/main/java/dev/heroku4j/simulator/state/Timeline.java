package dev.heroku4j.simulator.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * State changes that happen later (a build finishing, a dyno coming up), ordered by when they are due on the
 * simulator's clock. Due changes run at the start of every request, on {@link #runDue()}; with the system clock a
 * daemon thread also runs them on time, so streams and state events move without a request. With another clock
 * (a test's), only requests and explicit calls move time on: deterministic.
 */
final class Timeline implements AutoCloseable {

	private record Due(Instant at, long order, Runnable change) {
	}

	private final Clock clock;

	private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
			? Long.compare(a.order, b.order) : a.at.compareTo(b.at));

	private final ScheduledExecutorService ticker;

	private final Consumer<Runnable> runner;

	private long sequence;

	/**
	 * @param runner runs {@link #runDue()} the way the state wants it run (under its lock, firing events after)
	 */
	Timeline(Clock clock, Consumer<Runnable> runner) {
		this.clock = clock;
		this.runner = runner;
		boolean realTime = clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone());
		this.ticker = realTime ? Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "heroku-simulator-timeline");
			thread.setDaemon(true);
			return thread;
		}) : null;
	}

	Instant now() {
		return this.clock.instant();
	}

	/** Runs {@code change} once {@code delay} has passed (at the next request at the earliest). */
	synchronized void schedule(Duration delay, Runnable change) {
		this.queue.add(new Due(now().plus(delay), this.sequence++, change));
		if (this.ticker != null && !delay.isZero() && !this.ticker.isShutdown()) {
			this.ticker.schedule(() -> this.runner.accept(this::runDue), delay.toMillis() + 1, TimeUnit.MILLISECONDS);
		}
	}

	/** Runs every change that is due, in order; changes they schedule run too if already due. */
	void runDue() {
		runUntil(now());
	}

	/** Runs every change, due or not: seeds and tests that want the settled state. */
	void runAll() {
		runUntil(Instant.MAX);
	}

	private void runUntil(Instant limit) {
		for (int guard = 0; guard < 1_000_000; guard++) {
			List<Runnable> batch = new ArrayList<>();
			synchronized (this) {
				while (!this.queue.isEmpty() && !this.queue.peek().at.isAfter(limit)) {
					batch.add(this.queue.poll().change);
				}
			}
			if (batch.isEmpty()) {
				return;
			}
			batch.forEach(Runnable::run);
		}
	}

	synchronized void clear() {
		this.queue.clear();
	}

	@Override
	public void close() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
	}

}
