package dev.heroku4j.simulator.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Every request received, in order, so tests can assert what a client sent and how it was judged. */
public final class Journal {

	private final List<JournalEntry> entries = new ArrayList<>();

	private final AtomicLong sequence = new AtomicLong();

	public synchronized void record(JournalEntry entry) {
		this.entries.add(entry);
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

	/** Entries the simulator rejected (bad auth, variant, route or body). */
	public List<JournalEntry> invalid() {
		return entries(e -> !e.valid());
	}

	public synchronized JournalEntry last() {
		return this.entries.isEmpty() ? null : this.entries.get(this.entries.size() - 1);
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
