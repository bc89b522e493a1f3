package dev.heroku4j.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

import dev.heroku4j.client.http.HerokuHeaders;

/**
 * One Heroku operation as the generated code declares it once per class: method, path template, Accept variant and
 * response type. The path template is split once, so a call only percent-encodes its values and joins strings.
 *
 * @param <T> what the operation answers with ({@code Void} for none)
 */
public final class Operation<T> {

    private final HttpMethod method;
    private final String pathTemplate;
    private final String accept;
    private final @Nullable ParameterizedTypeReference<T> responseType;
    private final String[] literals; // literal i comes before value i; one more literal than values
    private final Function<Throwable, Throwable> translation = e -> HerokuTransport.translate(this, e);

    private Operation(HttpMethod method, String pathTemplate, String variant,
                      @Nullable ParameterizedTypeReference<T> responseType) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.accept = HerokuHeaders.accept(variant.isEmpty() ? "3" : variant);
        this.responseType = responseType;
        this.literals = split(pathTemplate);
    }

    /** For the generated code: {@code responseType} null for an operation that answers with no body. */
    public static <T> Operation<T> of(String method, String pathTemplate, String variant,
                                      @Nullable ParameterizedTypeReference<T> responseType) {
        return new Operation<>(HttpMethod.valueOf(method), pathTemplate, variant, responseType);
    }

    private static String[] split(String template) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', start)) {
            parts.add(template.substring(start, open));
            start = template.indexOf('}', open) + 1;
        }
        parts.add(template.substring(start));
        return parts.toArray(String[]::new);
    }

    public HttpMethod method() {
        return method;
    }

    /** E.g. {@code /apps/{app_id_or_name}}: the tag of metrics and the name in messages. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The whole Accept header, e.g. {@code application/vnd.heroku+json; version=3}. */
    public String accept() {
        return accept;
    }

    public @Nullable ParameterizedTypeReference<T> responseType() {
        return responseType;
    }

    /** Failures of this operation as a caller sees them ({@link HerokuTransport#translate}), made once, not per call. */
    Function<Throwable, Throwable> translation() {
        return translation;
    }

    /** The request URI below {@code baseUrl}: each value percent-encoded as one path segment. */
    String uri(String baseUrl, String[] values, @Nullable Map<String, String> query) {
        if (values.length != literals.length - 1) {
            throw new IllegalArgumentException(pathTemplate + " takes " + (literals.length - 1) + " path values, got "
                    + values.length);
        }
        StringBuilder uri = new StringBuilder(baseUrl.length() + pathTemplate.length() + 32).append(baseUrl);
        for (int i = 0; i < values.length; i++) {
            uri.append(literals[i]).append(segment(values[i]));
        }
        uri.append(literals[values.length]);
        if (query != null) {
            char separator = '?';
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                uri.append(separator).append(UriUtils.encodeQueryParam(parameter.getKey(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('=').append(UriUtils.encodeQueryParam(parameter.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return uri.toString();
    }

    /**
     * Every character but letters, digits and {@code - . _ *} percent-encoded: stricter than a path segment needs
     * ({@code ;} and {@code =} would be legal), so no server or proxy can read parameters or a separator into it.
     */
    private static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method.name() + " " + pathTemplate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operation<?> other && method.equals(other.method) && pathTemplate.equals(other.pathTemplate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, pathTemplate);
    }
}
