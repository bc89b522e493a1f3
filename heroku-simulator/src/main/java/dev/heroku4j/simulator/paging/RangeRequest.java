package dev.heroku4j.simulator.paging;

import java.util.Locale;

import dev.heroku4j.simulator.http.HerokuError;

/**
 * A parsed {@code Range} request header in Heroku's syntax: {@code <field> [ ] ]<start>..[<end>][; max=<n>][, order=asc|desc]},
 * e.g. {@code id ..; max=200, order=desc} or {@code name ]app-b..; max=10}. A leading {@code ]} makes the start
 * exclusive, which is what {@code Next-Range} values use.
 *
 * @param field the property to sort and page by
 * @param start the first value, or {@code null}
 * @param startExclusive whether {@code start} itself is excluded
 * @param end the last value (inclusive), or {@code null}
 * @param max the page size, already limited to {@link #MAX_PAGE_SIZE}
 * @param descending sort order
 */
public record RangeRequest(String field, String start, boolean startExclusive, String end, int max, boolean descending) {

	public static final int DEFAULT_PAGE_SIZE = 200;

	/** Larger {@code max} values are clamped to this, as a lenient server would; they are not an error. */
	public static final int MAX_PAGE_SIZE = 1000;

	public static RangeRequest defaults(String field) {
		return new RangeRequest(field, null, false, null, DEFAULT_PAGE_SIZE, false);
	}

	/**
	 * Parses a header value as leniently as Heroku: options may be separated by {@code ,} or {@code ;} and end with
	 * either ({@code id ..; max=1000;} as the Heroku CLI sends it), spaces are free, and the space between field and
	 * {@code ..} may be missing. A value that still does not follow the syntax is a 416, as Heroku answers.
	 */
	public static RangeRequest parse(String header) {
		String value = header.trim();
		int dots = value.indexOf("..");
		if (dots < 0) {
			throw invalid(header);
		}
		String head = value.substring(0, dots).trim();
		int space = head.indexOf(' ');
		String field = (space < 0 ? head : head.substring(0, space)).trim();
		String startPart = space < 0 ? "" : head.substring(space + 1).trim();
		if (field.isEmpty() || field.startsWith("]")) {
			throw invalid(header);
		}
		String rest = value.substring(dots + 2);
		int semicolon = rest.indexOf(';');
		String endPart = (semicolon < 0 ? rest : rest.substring(0, semicolon)).trim();
		int max = DEFAULT_PAGE_SIZE;
		boolean descending = false;
		if (semicolon >= 0) {
			for (String option : rest.substring(semicolon + 1).split("[,;]")) {
				if (option.isBlank()) {
					continue; // "name ..;" and "..; max=10," as the Heroku CLI sends them: Heroku accepts empty options
				}
				String[] pair = option.trim().split("=", 2);
				if (pair.length != 2) {
					throw invalid(header);
				}
				String name = pair[0].trim().toLowerCase(Locale.ROOT);
				String optionValue = pair[1].trim().toLowerCase(Locale.ROOT);
				if (name.equals("max")) {
					if (!optionValue.matches("[0-9]+")) {
						throw invalid(header);
					}
					// any max above 1000 (however many digits) is capped, not refused
					max = optionValue.length() > 9 ? MAX_PAGE_SIZE : Math.min(Integer.parseInt(optionValue), MAX_PAGE_SIZE);
					if (max < 1) {
						throw invalid(header);
					}
				}
				else if (name.equals("order")) {
					if (!optionValue.equals("asc") && !optionValue.equals("desc")) {
						throw invalid(header);
					}
					descending = optionValue.equals("desc");
				}
				else {
					throw invalid(header);
				}
			}
		}
		boolean exclusive = startPart.startsWith("]");
		String start = exclusive ? startPart.substring(1) : startPart;
		return new RangeRequest(field, start.isEmpty() ? null : start, exclusive, endPart.isEmpty() ? null : endPart,
				max, descending);
	}

	static HerokuError invalid(String header) {
		return new HerokuError(416, "requested_range_not_satisfiable",
				"Invalid Range header: " + header + ". Expected e.g. `id ..; max=200, order=asc`.");
	}

	/** The opaque {@code Next-Range} value for the page after {@code lastValue}. */
	public String next(String lastValue) {
		return this.field + " ]" + lastValue + "..; max=" + this.max + ", order=" + (this.descending ? "desc" : "asc");
	}

}
