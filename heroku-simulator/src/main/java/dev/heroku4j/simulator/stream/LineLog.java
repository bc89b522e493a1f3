package dev.heroku4j.simulator.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * An append-only sequence of text lines (a build's output, an app's log), numbered from 1, that can be read from
 * any line on and followed while it grows. At most {@code capacity} lines are kept (Heroku's log buffer keeps the
 * latest 1,500); older ones are dropped, their numbers never reused. Followers get each line exactly once, in order:
 * the lines already there and every later one are handed out under one lock.
 */
public final class LineLog {

	/** A line and its number, which is its SSE event id. */
	public record Line(long number, String text) {
	}

	private final int capacity;

	private final ArrayDeque<String> lines = new ArrayDeque<>();

	private final List<FluxSink<Line>> followers = new ArrayList<>();

	/** Number of the oldest kept line. */
	private long first = 1;

	private boolean finished;

	public LineLog(int capacity) {
		this.capacity = capacity;
	}

	public void append(String line) {
		List<FluxSink<Line>> to;
		Line added;
		synchronized (this) {
			if (this.finished) {
				return;
			}
			this.lines.addLast(line);
			if (this.lines.size() > this.capacity) {
				this.lines.removeFirst();
				this.first++;
			}
			added = new Line(last(), line);
			to = List.copyOf(this.followers);
			// emitted while holding the lock, so a follower that is joining cannot miss or repeat this line
			to.forEach(sink -> sink.next(added));
		}
	}

	public void appendAll(List<String> more) {
		more.forEach(this::append);
	}

	/** No more lines: followers of a finishing log complete. */
	public void finish() {
		synchronized (this) {
			this.finished = true;
			List<FluxSink<Line>> done = List.copyOf(this.followers);
			this.followers.clear();
			done.forEach(FluxSink::complete);
		}
	}

	public synchronized boolean finished() {
		return this.finished;
	}

	/** Number of the latest line, 0 when there is none. */
	public synchronized long last() {
		return this.first + this.lines.size() - 1;
	}

	/** The kept lines numbered {@code from} and above. */
	public synchronized List<Line> from(long from) {
		List<Line> out = new ArrayList<>();
		long number = this.first;
		for (String line : this.lines) {
			if (number >= from) {
				out.add(new Line(number, line));
			}
			number++;
		}
		return out;
	}

	/**
	 * The lines numbered {@code from} and above, then every new one; completes when the log is finished (at once if
	 * it already is) or, when {@code live} is false, after the lines already there.
	 */
	public Flux<Line> follow(long from, boolean live) {
		return Flux.create(sink -> {
			synchronized (this) {
				from(from).forEach(sink::next);
				if (this.finished || !live) {
					sink.complete();
					return;
				}
				this.followers.add(sink);
			}
			sink.onDispose(() -> {
				synchronized (this) {
					this.followers.remove(sink);
				}
			});
		});
	}

}
