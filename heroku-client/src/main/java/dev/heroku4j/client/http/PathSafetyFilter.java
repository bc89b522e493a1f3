package dev.heroku4j.client.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Refuses, with {@link IllegalArgumentException} and without sending anything, a request whose expanded path
 * <ul>
 *   <li>has a {@code .} or {@code ..} segment (also when percent-encoded), which a server or proxy could resolve to a
 *       different resource: {@code DELETE /apps/..} must not become {@code DELETE /};</li>
 *   <li>has an empty segment ({@code /apps//config-vars}), the sign of a blank identity;</li>
 *   <li>does not line up with its URI template: an absolute template must have exactly as many segments, a
 *       relative one (expanded against a base URL) must end with the template's segments, literal ones equal.</li>
 * </ul>
 * WebClient's default {@code DefaultUriBuilderFactory} ({@code EncodingMode.TEMPLATE_AND_VALUES}) percent-encodes
 * every reserved character in a path variable, {@code /} included, so an identity is always one segment; this filter
 * is the check that it stayed so (e.g. with a custom {@code UriBuilderFactory}).
 */
public final class PathSafetyFilter implements ExchangeFilterFunction {

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String problem = problem(request.url().getRawPath(), RequestInfo.uriTemplate(request));
        if (problem != null) {
            return Mono.error(new IllegalArgumentException("Refusing to send " + RequestInfo.describe(request)
                    + " as " + request.url().getRawPath() + ": " + problem));
        }
        return next.exchange(request);
    }

    /** Null when the path is fine, else what is wrong with it. */
    static @Nullable String problem(@Nullable String rawPath, @Nullable String uriTemplate) {
        List<String> segments = segments(rawPath == null ? "" : rawPath);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return "empty path segment (a blank identity?)";
            }
            String decoded = UriUtils.decode(segment, StandardCharsets.UTF_8);
            if (decoded.isBlank()) {
                return "blank path segment (an identity of spaces?)";
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return "'" + decoded + "' path segment";
            }
        }
        if (uriTemplate == null) {
            return null;
        }
        List<String> template = segments(RequestInfo.templatePath(uriTemplate));
        boolean absolute = uriTemplate.contains("://");
        if (absolute ? segments.size() != template.size() : segments.size() < template.size()) {
            return "expanded to " + segments.size() + " segments, but the template has " + template.size();
        }
        int offset = segments.size() - template.size();
        for (int i = 0; i < template.size(); i++) {
            String literal = template.get(i);
            if (!literal.contains("{") && !literal.equals(segments.get(offset + i))) {
                return "segment " + (offset + i + 1) + " does not match the template's '" + literal + "'";
            }
        }
        return null;
    }

    private static List<String> segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? List.of() : Arrays.asList(p.split("/", -1));
    }
}
