package dev.heroku4j.bench.proto;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.BearerAuthFilter;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.http.HerokuHeaders;
import dev.heroku4j.client.http.RequestInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Benchmark-only PROTOTYPES of the fixes proposed for heroku-client's hot path (figure 1c, variant
 * "proposedFixes"), to measure what they would save before anyone changes heroku-client. Same behaviour as the
 * originals for the benchmark's requests; not tested beyond that, not for use.
 */
public final class ProposedFilters {

    private ProposedFilters() {
    }

    /** HerokuHeadersFilter with the Accept decision memoized per Accept value and a ThreadLocalRandom Request-Id. */
    public static final class Headers implements ExchangeFilterFunction {
        private final String userAgent;
        private final String defaultAccept;
        private final Map<List<String>, Optional<String>> variants = new ConcurrentHashMap<>();

        public Headers(String userAgent, String defaultVariant) {
            this.userAgent = userAgent;
            this.defaultAccept = HerokuHeaders.accept(defaultVariant);
        }

        @Override
        public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
            return Mono.defer(() -> next.exchange(ClientRequest.from(request).headers(h -> {
                h.set(HttpHeaders.USER_AGENT, userAgent);
                h.set(HerokuHeaders.REQUEST_ID, requestId());
                List<String> accept = h.get(HttpHeaders.ACCEPT);
                String keep = accept == null ? null : variant(accept);
                h.set(HttpHeaders.ACCEPT, keep != null ? keep : defaultAccept);
            }).build()));
        }

        private String variant(List<String> accept) {
            Optional<String> known = variants.get(accept);
            if (known == null) {
                known = Optional.ofNullable(explicitVariant(accept));
                if (variants.size() < 256) {
                    variants.put(List.copyOf(accept), known);
                }
            }
            return known.orElse(null);
        }

        private static String explicitVariant(List<String> acceptValues) {
            for (MediaType type : MediaType.parseMediaTypes(acceptValues)) {
                String version = type.getParameter("version");
                if ("application".equals(type.getType()) && "vnd.heroku+json".equals(type.getSubtype())
                        && version != null && !version.equals("3")) {
                    return HerokuHeaders.accept(version);
                }
            }
            return null;
        }

        static String requestId() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                    .toString();
        }
    }

    /** BearerAuthFilter resolving the key synchronously (no fromSupplier + flatMap). */
    public static final class Bearer implements ExchangeFilterFunction {
        private final Supplier<ApiKey> keys;
        private final URI origin;

        public Bearer(Supplier<ApiKey> keys, URI origin) {
            this.keys = keys;
            this.origin = origin;
        }

        @Override
        public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
            if (!BearerAuthFilter.sameOrigin(request.url(), origin)) {
                return next.exchange(request.headers().containsHeader(HttpHeaders.AUTHORIZATION)
                        ? ClientRequest.from(request).headers(h -> h.remove(HttpHeaders.AUTHORIZATION)).build() : request);
            }
            if (request.headers().containsHeader(HttpHeaders.AUTHORIZATION)) {
                return next.exchange(request);
            }
            return Mono.defer(() -> {
                ApiKey key;
                try {
                    key = keys.get();
                } catch (RuntimeException e) {
                    return Mono.error(e);
                }
                return next.exchange(ClientRequest.from(request).headers(h -> h.setBearerAuth(key.value())).build());
            });
        }
    }

    /** PathSafetyFilter with the template's segments parsed once per template and decoding only when '%' occurs. */
    public static final class PathSafety implements ExchangeFilterFunction {
        private record Template(List<String> segments, boolean absolute) {
        }

        private final Map<String, Template> templates = new ConcurrentHashMap<>();

        @Override
        public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
            String raw = request.url().getRawPath();
            String problem = problem(raw == null ? "" : raw, RequestInfo.uriTemplate(request));
            if (problem != null) {
                return Mono.error(new IllegalArgumentException("Refusing to send " + RequestInfo.describe(request) + ": " + problem));
            }
            return next.exchange(request);
        }

        private String problem(String path, String uriTemplate) {
            List<String> segments = split(path);
            for (String s : segments) {
                if (s.isEmpty()) {
                    return "empty path segment";
                }
                String d = s.indexOf('%') >= 0 ? UriUtils.decode(s, StandardCharsets.UTF_8) : s;
                if (d.equals(".") || d.equals("..")) {
                    return "'" + d + "' path segment";
                }
            }
            if (uriTemplate == null) {
                return null;
            }
            Template t = templates.get(uriTemplate);
            if (t == null) {
                t = new Template(split(templatePath(uriTemplate)), uriTemplate.contains("://"));
                if (templates.size() < 1024) {
                    templates.put(uriTemplate, t);
                }
            }
            List<String> template = t.segments();
            if (t.absolute() ? segments.size() != template.size() : segments.size() < template.size()) {
                return "segment count";
            }
            int offset = segments.size() - template.size();
            for (int i = 0; i < template.size(); i++) {
                String literal = template.get(i);
                if (literal.indexOf('{') < 0 && !literal.equals(segments.get(offset + i))) {
                    return "segment mismatch";
                }
            }
            return null;
        }

        private static String templatePath(String template) {
            int scheme = template.indexOf("://");
            String rest = template;
            if (scheme > 0) {
                int start = template.indexOf('/', scheme + 3);
                rest = start < 0 ? "/" : template.substring(start);
            }
            int q = rest.indexOf('?');
            return q < 0 ? rest : rest.substring(0, q);
        }

        private static List<String> split(String path) {
            List<String> out = new ArrayList<>(6);
            int i = path.startsWith("/") ? 1 : 0;
            if (i >= path.length()) {
                return out;
            }
            while (true) {
                int slash = path.indexOf('/', i);
                if (slash < 0) {
                    out.add(path.substring(i));
                    return out;
                }
                out.add(path.substring(i, slash));
                i = slash + 1;
            }
        }
    }

    /**
     * HerokuHeadersFilter + BearerAuthFilter in one filter (they are adjacent in the chain): one request copy per
     * attempt instead of two, memoized Accept decision, ThreadLocalRandom Request-Id, key resolved synchronously.
     */
    public static final class HeadersAndBearer implements ExchangeFilterFunction {
        private final Headers headers;
        private final Supplier<ApiKey> keys;
        private final URI origin;

        public HeadersAndBearer(String userAgent, String defaultVariant, Supplier<ApiKey> keys, URI origin) {
            this.headers = new Headers(userAgent, defaultVariant);
            this.keys = keys;
            this.origin = origin;
        }

        @Override
        public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
            boolean api = BearerAuthFilter.sameOrigin(request.url(), origin);
            boolean explicitAuth = request.headers().containsHeader(HttpHeaders.AUTHORIZATION);
            return Mono.defer(() -> {
                ApiKey key = null;
                if (api && !explicitAuth) {
                    try {
                        key = keys.get();
                    } catch (RuntimeException e) {
                        return Mono.error(e);
                    }
                }
                ApiKey k = key;
                return next.exchange(ClientRequest.from(request).headers(h -> {
                    h.set(HttpHeaders.USER_AGENT, headers.userAgent);
                    h.set(HerokuHeaders.REQUEST_ID, Headers.requestId());
                    List<String> accept = h.get(HttpHeaders.ACCEPT);
                    String keep = accept == null ? null : headers.variant(accept);
                    h.set(HttpHeaders.ACCEPT, keep != null ? keep : headers.defaultAccept);
                    if (!api) {
                        h.remove(HttpHeaders.AUTHORIZATION);
                    } else if (k != null) {
                        h.setBearerAuth(k.value());
                    }
                }).build());
            });
        }
    }
}
