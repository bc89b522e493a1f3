package dev.heroku4j.client.paging;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Heroku {@code Range} request header: sort field, optional start value, page size and order, rendered as
 * {@code id ..; max=200, order=desc}. Immutable; each {@code with}-method returns a new value.
 *
 * <p>Heroku's {@code Next-Range} response header is already such a value; send it back unchanged (as a string) rather
 * than re-building it with this class.
 */
public final class Range {

    /** Page size limits Heroku accepts. */
    public static final int MIN_MAX = 1;
    public static final int MAX_MAX = 1000;

    public enum Order {
        ASC, DESC;

        String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String field;
    private final @Nullable String start;
    private final @Nullable Integer max;
    private final @Nullable Order order;
    private final @Nullable String raw;

    private Range(String field, @Nullable String start, @Nullable Integer max, @Nullable Order order) {
        this(field, start, max, order, null);
    }

    private Range(String field, @Nullable String start, @Nullable Integer max, @Nullable Order order,
                  @Nullable String raw) {
        this.field = field;
        this.start = start;
        this.max = max;
        this.order = order;
        this.raw = raw;
    }

    /** The newest {@code n} by a field, e.g. {@code Range.latest("version", 1)}: {@code version ..; max=1, order=desc}. */
    public static Range latest(String field, int n) {
        return by(field).withMax(n).descending();
    }

    /**
     * A {@code Next-Range} (or any {@code Range} value) exactly as Heroku gave it, to continue a list from there;
     * the {@code with}-methods do not apply to it.
     */
    public static Range of(String headerValue) {
        java.util.Objects.requireNonNull(headerValue, "headerValue");
        if (headerValue.isBlank() || headerValue.indexOf('\r') >= 0 || headerValue.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Range value must be one non-blank line, was '" + headerValue + "'");
        }
        String field = headerValue.strip().split("[ ;]", 2)[0];
        return new Range(field, null, null, null, headerValue);
    }

    /** A range over the sort field, e.g. {@code "id"}, {@code "name"}, {@code "created_at"}. */
    public static Range by(String field) {
        Objects.requireNonNull(field, "field");
        if (field.isBlank() || !field.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("Range field must be a plain name like 'id' or 'name', was '" + field + "'");
        }
        return new Range(field, null, null, null);
    }

    /** Page size, 1..1000 (Heroku's default is 200). */
    public Range withMax(int max) {
        if (max < MIN_MAX || max > MAX_MAX) {
            throw new IllegalArgumentException("Range max must be within " + MIN_MAX + ".." + MAX_MAX + ", was " + max);
        }
        return new Range(field, start, max, order);
    }

    public Range withOrder(Order order) {
        return new Range(field, start, max, Objects.requireNonNull(order, "order"));
    }

    public Range descending() {
        return withOrder(Order.DESC);
    }

    public Range ascending() {
        return withOrder(Order.ASC);
    }

    /** Start at this value of the sort field, inclusive. */
    public Range startingAt(String value) {
        return new Range(field, checkedStart(value), max, order);
    }

    /** Start after this value of the sort field (Heroku's {@code ]value} syntax). */
    public Range startingAfter(String value) {
        return new Range(field, "]" + checkedStart(value), max, order);
    }

    private static String checkedStart(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.contains("..") || value.contains(";") || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Range start must be a non-empty value without '..', ';' or spaces");
        }
        return value;
    }

    public String field() {
        return field;
    }

    public @Nullable String start() {
        return start;
    }

    public @Nullable Integer max() {
        return max;
    }

    public @Nullable Order order() {
        return order;
    }

    /** The header value, e.g. {@code id ..; max=200, order=desc} or {@code name ]my-app..; max=10}. */
    public String toHeaderValue() {
        if (raw != null) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(field).append(' ');
        if (start != null) {
            sb.append(start);
        }
        sb.append("..");
        String separator = "; ";
        if (max != null) {
            sb.append(separator).append("max=").append(max);
            separator = ", ";
        }
        if (order != null) {
            sb.append(separator).append("order=").append(order.header());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range r && toHeaderValue().equals(r.toHeaderValue());
    }

    @Override
    public int hashCode() {
        return toHeaderValue().hashCode();
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
