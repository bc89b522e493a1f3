package dev.heroku4j.simulator.paging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Cuts a list response into pages the way Heroku does: sorted by the range field, {@code max} items per page,
 * {@code 206 Partial Content} plus {@code Next-Range} while more remain and {@code 200} for the last page.
 */
public final class Pager {

	/**
	 * One page.
	 *
	 * @param items the items of this page
	 * @param status 206 while more remain, else 200
	 * @param nextRange the {@code Next-Range} header value, or {@code null} on the last page
	 * @param contentRange the {@code Content-Range} header value, or {@code null} for an empty page
	 */
	public record Page(ArrayNode items, int status, String nextRange, String contentRange) {
	}

	private Pager() {
	}

	/**
	 * Pages {@code all}. {@code header} is the request's {@code Range} (or {@code null}); {@code rangeFields} is the
	 * link's {@code ranges} list, or empty when the link declares none (then any field is accepted, {@code id} first).
	 */
	public static Page page(JsonNode all, String header, List<String> rangeFields) {
		String defaultField = rangeFields.isEmpty() ? "id" : rangeFields.get(0);
		RangeRequest range = (header == null || header.isBlank()) ? RangeRequest.defaults(defaultField)
				: RangeRequest.parse(header);
		if (!rangeFields.isEmpty() && !rangeFields.contains(range.field())) {
			throw RangeRequest.invalid(header);
		}
		List<JsonNode> sorted = new ArrayList<>();
		all.forEach(sorted::add);
		Comparator<String> byValue = range.descending() ? (a, b) -> compare(b, a) : Pager::compare;
		sorted.sort(Comparator.comparing(item -> value(item, range.field()), byValue));

		List<JsonNode> selected = new ArrayList<>();
		for (JsonNode item : sorted) {
			String v = value(item, range.field());
			if (range.start() != null) {
				int c = byValue.compare(v, range.start());
				if (c < 0 || (c == 0 && range.startExclusive())) {
					continue;
				}
			}
			if (range.end() != null && byValue.compare(v, range.end()) > 0) {
				continue;
			}
			selected.add(item);
		}
		ArrayNode page = JsonNodeFactory.instance.arrayNode();
		selected.stream().limit(range.max()).forEach(page::add);
		boolean more = selected.size() > range.max();
		String first = page.isEmpty() ? null : value(page.get(0), range.field());
		String last = page.isEmpty() ? null : value(page.get(page.size() - 1), range.field());
		return new Page(page, more ? 206 : 200, more ? range.next(last) : null,
				page.isEmpty() ? null : range.field() + " " + first + ".." + last);
	}

	private static String value(JsonNode item, String field) {
		JsonNode value = item.get(field);
		return value == null || value.isNull() || value.isContainer() ? "" : value.asString();
	}

	/** Numbers (release versions) compare as numbers, everything else as text. */
	static int compare(String a, String b) {
		if (!a.isEmpty() && !b.isEmpty() && a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
				&& a.length() < 18 && b.length() < 18) {
			return Long.compare(Long.parseLong(a), Long.parseLong(b));
		}
		return a.compareTo(b);
	}

}
