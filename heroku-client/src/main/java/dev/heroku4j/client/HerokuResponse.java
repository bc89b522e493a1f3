package dev.heroku4j.client;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

import dev.heroku4j.client.http.HerokuHeaders;

/**
 * The whole answer to one call: status, headers and body. Get it with {@code withResponse}, on either client:
 * <pre>{@code
 * HerokuResponse<App> r = heroku.withResponse(h -> h.app().appInfo("my-app"));
 * r.requestId(); r.rateLimitRemaining(); r.body();
 * }</pre>
 * For a list, the response of the last page fetched; for an operation without a body, {@code body()} is null.
 */
public record HerokuResponse<T>(int status, HttpHeaders headers, @Nullable T body) {

    public HerokuResponse {
        headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    /** The first value of a header, or null. */
    public @Nullable String header(String name) {
        return headers.getFirst(name);
    }

    /** Heroku's id of this request: quote it to Heroku support. */
    public @Nullable String requestId() {
        return header(HerokuHeaders.REQUEST_ID);
    }

    /** {@code RateLimit-Remaining}: calls left in the account's quota. */
    public OptionalInt rateLimitRemaining() {
        String value = header(HerokuHeaders.RATE_LIMIT_REMAINING);
        try {
            return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** {@code Next-Range} of a partial list, or null. */
    public @Nullable String nextRange() {
        return header(HerokuHeaders.NEXT_RANGE);
    }

    /** The same response with another body (the list's items, say). */
    <U> HerokuResponse<U> withBody(@Nullable U body) {
        return new HerokuResponse<>(status, headers, body);
    }

    /** Headers as a plain map, for code that does not use Spring's types. */
    public Map<String, List<String>> headerMap() {
        return headers.asMultiValueMap();
    }
}
