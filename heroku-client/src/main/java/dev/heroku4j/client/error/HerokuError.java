package dev.heroku4j.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Everything known about one error response.
 *
 * @param status             HTTP status code
 * @param id                 Heroku's error id ({@code not_found}, {@code rate_limit}, ...), if the body was Heroku JSON
 * @param message            Heroku's human-readable message
 * @param url                Heroku's documentation link for the error
 * @param requestId          the {@code Request-Id} of the response (or, failing that, of the request)
 * @param rateLimitRemaining {@code RateLimit-Remaining} of the response
 * @param retryAfter         {@code Retry-After} of the response
 * @param method             HTTP method
 * @param pathTemplate       the URI template's path, e.g. {@code /apps/{app_id_or_name}} (no identities)
 * @param bodyExcerpt        the start of a body that was not Heroku JSON (HTML from a proxy, plain text), else null
 */
public record HerokuError(int status, @Nullable String id, @Nullable String message, @Nullable String url,
                          @Nullable String requestId, @Nullable Integer rateLimitRemaining,
                          @Nullable Duration retryAfter, String method, String pathTemplate,
                          @Nullable String bodyExcerpt) {

    /** A one-line summary: {@code 404 not_found: Couldn't find that app. (GET /apps/{app}, Request-Id 1234)}. */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(status);
        if (id != null) {
            sb.append(' ').append(id);
        }
        sb.append(": ");
        if (message != null) {
            sb.append(message);
        } else if (bodyExcerpt != null && !bodyExcerpt.isEmpty()) {
            sb.append("non-JSON body: ").append(bodyExcerpt);
        } else {
            sb.append("empty body");
        }
        sb.append(" (").append(method).append(' ').append(pathTemplate);
        if (requestId != null) {
            sb.append(", Request-Id ").append(requestId);
        }
        if (rateLimitRemaining != null) {
            sb.append(", RateLimit-Remaining ").append(rateLimitRemaining);
        }
        return sb.append(')').toString();
    }
}
