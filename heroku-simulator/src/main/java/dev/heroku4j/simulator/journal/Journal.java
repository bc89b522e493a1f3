package dev.heroku4j.simulator.journal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The latest requests received, in order, so tests can assert what a client sent and how it was judged. Bounded:
 * beyond {@link #capacity()} the oldest entries go, so a long-running simulator (the sample's demo) stays small.
 */
public final class Journal {

	/** Default number of entries kept. */
	public static final int DEFAULT_CAPACITY = 10_000;

	private final java.util.ArrayDeque<JournalEntry> entries = new java.util.ArrayDeque<>();

	private final int capacity;

	public Journal() {
		this(DEFAULT_CAPACITY);
	}

	public Journal(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("journal capacity must be >= 1, was " + capacity);
		}
		this.capacity = capacity;
	}

	public int capacity() {
		return this.capacity;
	}

	private final AtomicLong sequence = new AtomicLong();

	public synchronized void record(JournalEntry entry) {
		if (this.entries.size() == this.capacity) {
			this.entries.removeFirst();
		}
		this.entries.addLast(entry);
	}

	public long nextSequence() {
		return this.sequence.incrementAndGet();
	}

	/** A snapshot of all entries, oldest first. */
	public synchronized List<JournalEntry> entries() {
		return List.copyOf(this.entries);
	}

	public synchronized List<JournalEntry> entries(Predicate<JournalEntry> filter) {
		return this.entries.stream().filter(filter).toList();
	}

	/** Entries for a method and a path glob ({@code *} within a segment, {@code **} across), e.g. {@code POST /apps}. */
	public List<JournalEntry> entries(String method, String pathGlob) {
		Pattern pattern = glob(pathGlob);
		return entries(e -> e.method().equalsIgnoreCase(method) && pattern.matcher(e.path()).matches());
	}

	public int count(String method, String pathGlob) {
		return entries(method, pathGlob).size();
	}

	/**
	 * Entries the schema says are invalid: rejected (bad auth, variant, route or body), or served only after coercion
	 * (messages starting {@code coerced: }). A valid request that the state answers 404 is not among them.
	 */
	public List<JournalEntry> invalid() {
		return entries(e -> !e.valid());
	}

	public synchronized JournalEntry last() {
		return this.entries.peekLast();
	}

	public synchronized void clear() {
		this.entries.clear();
		this.sequence.set(0);
	}

	private static Pattern glob(String pattern) {
		String regex = Pattern.quote(pattern).replace("**", "\\E.*\\Q").replace("*", "\\E[^/]*\\Q");
		return Pattern.compile(regex);
	}

}
