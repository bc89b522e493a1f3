package dev.heroku4j.client.http;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What filters may tell about a request without exposing identities or secrets: the URI template that
 * {@code WebClient.uri(template, vars)} recorded, and its path.
 */
public final class RequestInfo {

    /** The attribute under which {@code WebClient} stores the URI template (Spring's own, not public API). */
    public static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

    private RequestInfo() {
    }

    /** The template as given to {@code uri(...)}, e.g. {@code https://api.heroku.com/apps/{app_id_or_name}}. */
    public static @Nullable String uriTemplate(ClientRequest request) {
        Object template = request.attributes().get(URI_TEMPLATE_ATTRIBUTE); // no Optional: asked several times per call
        return template == null ? null : template.toString();
    }

    /**
     * The path of the template ({@code /apps/{app_id_or_name}}), or the raw expanded path when the request was built
     * from a {@code URI} rather than a template.
     */
    public static String pathTemplate(ClientRequest request) {
        String template = uriTemplate(request);
        if (template == null) {
            String raw = request.url().getRawPath();
            return raw == null || raw.isEmpty() ? "/" : raw;
        }
        return templatePath(template);
    }

    /** {@code "GET /apps/{app_id_or_name}"}. */
    public static String describe(ClientRequest request) {
        return request.method().name() + " " + pathTemplate(request);
    }

    /** The path part of a URI template: no scheme, authority, query or fragment. */
    static String templatePath(String template) {
        String rest = template;
        int scheme = rest.indexOf("://");
        if (scheme > 0 && rest.substring(0, scheme).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+'
                || c == '-' || c == '.')) {
            int pathStart = rest.indexOf('/', scheme + 3);
            rest = pathStart < 0 ? "/" : rest.substring(pathStart);
        }
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int fragment = rest.indexOf('#');
        rest = fragment < 0 ? rest : rest.substring(0, fragment);
        return rest.isEmpty() ? "/" : rest;
    }

    /** {@code scheme://host[:port]} of a URI, for messages. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
