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

    /** Walks the path in place (no list, no substrings): it runs on every call. */
    private static @Nullable String problem(@Nullable String rawPath, @Nullable Template template) {
        String path = rawPath == null ? "" : rawPath;
        int first = path.startsWith("/") ? 1 : 0;
        int count = 0;
        for (int from = first, to; from < path.length() || (count > 0 && from == path.length()); from = to + 1) {
            to = end(path, from);
            count++;
            String problem = segmentProblem(path, from, to);
            if (problem != null) {
                return problem;
            }
        }
        if (template == null) {
            return null;
        }
        List<String> literals = template.segments();
        if (template.absolute() ? count != literals.size() : count < literals.size()) {
            return "expanded to " + count + " segments, but the template has " + literals.size();
        }
        int offset = count - literals.size();
        int index = 0;
        for (int from = first, to; index < count; from = to + 1, index++) {
            to = end(path, from);
            if (index < offset) {
                continue;
            }
            String literal = literals.get(index - offset);
            if (literal.indexOf('{') < 0 && !(to - from == literal.length() && path.startsWith(literal, from))) {
                return "segment " + (index + 1) + " does not match the template's '" + literal + "'";
            }
        }
        return null;
    }

    /** Where the segment starting at {@code from} ends: the next slash, or the end of the path. */
    private static int end(String path, int from) {
        int slash = path.indexOf('/', from);
        return slash < 0 ? path.length() : slash;
    }

    private static @Nullable String segmentProblem(String path, int from, int to) {
        if (from == to) {
            return "empty path segment (a blank identity?)";
        }
        int percent = path.indexOf('%', from);
        if (percent >= 0 && percent < to) {
            return decodedProblem(UriUtils.decode(path.substring(from, to), StandardCharsets.UTF_8));
        }
        boolean blank = true;
        for (int i = from; i < to && blank; i++) {
            blank = Character.isWhitespace(path.charAt(i));
        }
        if (blank) {
            return decodedProblem(" "); // an identity of spaces, unencoded
        }
        boolean dots = to - from <= 2 && path.charAt(from) == '.' && path.charAt(to - 1) == '.';
        return dots ? decodedProblem(path.substring(from, to)) : null;
    }

    private static @Nullable String decodedProblem(String decoded) {
        if (decoded.isBlank()) {
            return "blank path segment (an identity of spaces?)";
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            return "'" + decoded + "' path segment";
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
