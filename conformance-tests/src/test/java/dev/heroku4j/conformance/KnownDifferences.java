package dev.heroku4j.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations known to fail against the simulator today, each with its reason: {@code known-differences.tsv},
 * one {@code client<TAB>operation<TAB>reason} a line, {@code #} comments. A failure listed here does not fail the
 * build; one that is not listed does; a listed operation that passes is reported so the list stays true.
 */
final class KnownDifferences {

	private final Path file;

	private final Map<String, String> reasons;

	private KnownDifferences(Path file, Map<String, String> reasons) {
		this.file = file;
		this.reasons = reasons;
	}

	static KnownDifferences load(Path file) {
		Map<String, String> reasons = new LinkedHashMap<>();
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the known differences " + file, ex);
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\t", 3);
			if (fields.length != 3 || fields[2].isBlank()) {
				throw new IllegalArgumentException(file + ":" + (i + 1)
						+ ": expected client<TAB>operation<TAB>reason, got: " + line);
			}
			String key = fields[0].trim() + " / " + fields[1].trim();
			if (reasons.putIfAbsent(key, fields[2].trim()) != null) {
				throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + key + " is listed twice");
			}
		}
		return new KnownDifferences(file, reasons);
	}

	boolean lists(CheckResult result) {
		return this.reasons.containsKey(result.key());
	}

	String reason(CheckResult result) {
		return this.reasons.get(result.key());
	}

	/** Listed entries of {@code client} that name no operation of its script (a renamed or removed check). */
	List<String> unknown(String client, List<CheckResult> results) {
		return this.reasons.keySet().stream()
			.filter((key) -> key.startsWith(client + " / "))
			.filter((key) -> results.stream().noneMatch((r) -> r.key().equals(key)))
			.toList();
	}

	Path file() {
		return this.file;
	}

}
