package dev.heroku4j.client.error;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.heroku4j.client.http.HerokuHeaders;
import dev.heroku4j.client.http.RequestInfo;
import org.jspecify.annotations.Nullable;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every non-2xx response into a {@link HerokuApiException} subclass (reading Heroku's JSON error body; any
 * other body, HTML or empty, still gives status and a body excerpt), and every transport failure into a
 * {@link HerokuTransportException}. The mapping is here, once: the engine's API client calls it from its one
 * per-attempt filter ({@code internal.HerokuExchangeFilter}: {@link #transportFailure}, {@link #readError}), the
 * stream client installs this class as its filter.
 *
 * <p>The exception is raised inside the exchange, so it leaves {@code retrieve().bodyToMono(..)},
 * {@code toEntity(..)} and the generated API methods unchanged, instead of Spring's
 * {@code WebClientResponseException}. 3xx counts as an error too: redirects are not followed, and the generated
 * client has no use for a redirect body.
 */
public final class HerokuErrorFilter implements ExchangeFilterFunction {

    static final int EXCERPT_LENGTH = 300;
    static final String MASK = "******";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request)
                .onErrorMap(WebClientRequestException.class, e -> transportFailure(request, e))
                .flatMap(response -> response.statusCode().is2xxSuccessful()
                        ? Mono.just(withoutCredentials(response))
                        : readError(request, response, sentKey(request.headers().get(HttpHeaders.AUTHORIZATION)))
                                .flatMap(Mono::error));
    }

    /** A request that got no answer, as the exception a caller sees (and retry decides on). */
    public static HerokuTransportException transportFailure(ClientRequest request, WebClientRequestException e) {
        return new HerokuTransportException(request.method().name(), RequestInfo.pathTemplate(request),
                withoutCredentials(e));
    }

    /*
     * Spring's exceptions keep the request's headers as fields, Authorization included: an error reporter that
     * serialises exception fields would publish the key. So what travels on carries a copy without it.
     */

    private static WebClientRequestException withoutCredentials(WebClientRequestException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        WebClientRequestException copy = new WebClientRequestException(cause, e.getMethod(), e.getUri(),
                withoutCredentials(e.getHeaders()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /**
     * The response as given, but answering {@code request()} without credentials (body failures quote it). The copy
     * of the headers is made only when asked for: most responses are read without anyone looking.
     */
    private static ClientResponse withoutCredentials(ClientResponse response) {
        HttpRequest sent = response.request();
        HttpRequest safe = new HttpRequest() {
            @Override
            public HttpMethod getMethod() {
                return sent.getMethod();
            }

            @Override
            public URI getURI() {
                return sent.getURI();
            }

            @Override
            public HttpHeaders getHeaders() {
                return withoutCredentials(sent.getHeaders());
            }

            @Override
            public Map<String, Object> getAttributes() {
                return sent.getAttributes();
            }
        };
        return response.mutate().request(safe).build();
    }

    private static HttpHeaders withoutCredentials(HttpHeaders original) {
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(original);
        copy.remove(HttpHeaders.AUTHORIZATION);
        return HttpHeaders.readOnlyHttpHeaders(copy);
    }

    /**
     * The exception for a non-2xx response, once its body is read (and released).
     *
     * @param key the key the request was sent with, taken out of whatever the exception carries; null if none
     */
    public static Mono<HerokuApiException> readError(ClientRequest request, ClientResponse response,
                                                     @Nullable String key) {
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .onErrorResume(e -> Mono.just("<body unreadable: " + e.getClass().getSimpleName() + ">"))
                .map(body -> HerokuApiException.of(toError(request, response, body, key)));
    }

    static HerokuError toError(ClientRequest request, ClientResponse response, String body, @Nullable String key) {
        HttpHeaders headers = response.headers().asHttpHeaders();
        String requestId = headers.getFirst(HerokuHeaders.REQUEST_ID);
        if (requestId == null) {
            requestId = request.headers().getFirst(HerokuHeaders.REQUEST_ID);
        }
        String id = null;
        String message = null;
        String url = null;
        JsonNode json = parse(body);
        if (json != null) {
            id = scrub(text(json, "id"), key);
            message = scrub(text(json, "message"), key);
            url = scrub(text(json, "url"), key);
        }
        String excerpt = id == null && message == null ? excerpt(scrub(body, key)) : null;
        return new HerokuError(response.statusCode().value(), id, message, url, requestId,
                integer(headers.getFirst(HerokuHeaders.RATE_LIMIT_REMAINING)),
                retryAfter(headers.getFirst(HerokuHeaders.RETRY_AFTER), Instant.now()),
                request.method().name(), RequestInfo.pathTemplate(request), excerpt);
    }

    /** The key in {@code Authorization} values ({@code Bearer <key>}), or null when they carry none. */
    public static @Nullable String sentKey(@Nullable List<String> authorizationValues) {
        String authorization = authorizationValues == null || authorizationValues.isEmpty() ? null
                : authorizationValues.get(0);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = authorization.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    /*
     * A proxy's error page may echo the request's headers, and a server may quote what it was sent: the key is taken
     * out of whatever the exception will carry (its message, the body excerpt). Done before the excerpt is cut, so a
     * key split at the cut cannot survive in part.
     */
    static @Nullable String scrub(@Nullable String text, @Nullable String key) {
        return text == null || key == null || !text.contains(key) ? text : text.replace(key, MASK);
    }

    private static @Nullable JsonNode parse(String body) {
        String trimmed = body.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static String excerpt(String body) {
        String collapsed = body.replaceAll("\\s+", " ").strip();
        return collapsed.length() <= EXCERPT_LENGTH ? collapsed : collapsed.substring(0, EXCERPT_LENGTH) + "…";
    }

    private static @Nullable Integer integer(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code Retry-After}: delta-seconds or an HTTP date; null if absent or unparseable. */
    public static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
