package dev.heroku4j.client.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * The engine percent-encodes every identity into one segment (all but letters, digits and {@code - . _ *}); this
 * filter is the last check that it stayed so, also for requests built some other way.
 */
public final class PathSafetyFilter implements ExchangeFilterFunction {

    /**
     * A URI template's path segments, split once: the generated code uses a few hundred templates. Only templates with
     * variables are remembered; a literal URL (a signed one-off, say) is split each time.
     */
    private record Template(List<String> segments, boolean absolute) {

        static Template of(String uriTemplate) {
            return new Template(PathSafetyFilter.segments(RequestInfo.templatePath(uriTemplate)), uriTemplate.contains("://"));
        }
    }

    private static final int MAX_REMEMBERED_TEMPLATES = 1024;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String uriTemplate = RequestInfo.uriTemplate(request);
        String problem = problem(request.url().getRawPath(), uriTemplate == null ? null : template(uriTemplate));
        if (problem != null) {
            return Mono.error(new IllegalArgumentException("Refusing to send " + RequestInfo.describe(request)
                    + " as " + request.url().getRawPath() + ": " + problem));
        }
        return next.exchange(request);
    }

    private Template template(String uriTemplate) {
        Template template = templates.get(uriTemplate);
        if (template == null) {
            template = Template.of(uriTemplate);
            if (uriTemplate.indexOf('{') >= 0 && templates.size() < MAX_REMEMBERED_TEMPLATES) {
                templates.put(uriTemplate, template);
            }
        }
        return template;
    }

    /** Null when the path is fine, else what is wrong with it. */
    static @Nullable String problem(@Nullable String rawPath, @Nullable String uriTemplate) {
        return problem(rawPath, uriTemplate == null ? null : Template.of(uriTemplate));
    }

    private static @Nullable String problem(@Nullable String rawPath, @Nullable Template template) {
        List<String> segments = segments(rawPath == null ? "" : rawPath);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return "empty path segment (a blank identity?)";
            }
            String decoded = segment.indexOf('%') < 0 ? segment : UriUtils.decode(segment, StandardCharsets.UTF_8);
            if (decoded.isBlank()) {
                return "blank path segment (an identity of spaces?)";
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return "'" + decoded + "' path segment";
            }
        }
        if (template == null) {
            return null;
        }
        List<String> literals = template.segments();
        if (template.absolute() ? segments.size() != literals.size() : segments.size() < literals.size()) {
            return "expanded to " + segments.size() + " segments, but the template has " + literals.size();
        }
        int offset = segments.size() - literals.size();
        for (int i = 0; i < literals.size(); i++) {
            String literal = literals.get(i);
            if (literal.indexOf('{') < 0 && !literal.equals(segments.get(offset + i))) {
                return "segment " + (offset + i + 1) + " does not match the template's '" + literal + "'";
            }
        }
        return null;
    }

    /** The segments between slashes, a leading slash ignored; without String.split's regex machinery. */
    private static List<String> segments(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        if (start >= path.length()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>(8);
        for (int slash = path.indexOf('/', start); slash >= 0; slash = path.indexOf('/', start)) {
            segments.add(path.substring(start, slash));
            start = slash + 1;
        }
        segments.add(path.substring(start));
        return segments;
    }
}
