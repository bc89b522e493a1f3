package dev.heroku4j.client.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Who gets the key: {@code Authorization: Bearer <key>} goes only to the API origin, the same scheme, host and port
 * as the configured base URL. Log sessions, build output streams and source upload URLs live on other hosts and must
 * never see the key.
 *
 * <p>For any other origin an {@code Authorization} header is removed, whoever set it. Redirects are not followed by
 * the connector, so a {@code 302} to another host cannot carry the key either. An {@code Authorization} header that is
 * already present on an API request (a per-call token) is kept.
 *
 * <p>Asked by the engine ({@code internal.HerokuExchangeFilter}) once per attempt. The key is resolved when the request
 * is made, so a missing key fails that request (with {@link ApiKeyNotFoundException}, nothing sent) rather than the
 * application start.
 */
public final class BearerAuth {

    private final Supplier<ApiKey> keys;
    private final URI apiOrigin;
    private volatile @Nullable Bearer last;

    public BearerAuth(Supplier<ApiKey> keys, URI apiBaseUrl) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.apiOrigin = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        if (apiBaseUrl.getScheme() == null || apiBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("API base URL needs a scheme and a host: " + apiBaseUrl);
        }
    }

    /**
     * The {@code Authorization} values a request to {@code url} with these headers is sent with: its own for the API
     * origin when it has any, else {@code Bearer <key>}; null (none) for every other origin.
     *
     * @throws ApiKeyNotFoundException when the request goes to the API and no key can be found
     */
    public @Nullable List<String> authorization(URI url, HttpHeaders headers) {
        if (!sameOrigin(url, apiOrigin)) {
            return null;
        }
        List<String> given = headers.get(HttpHeaders.AUTHORIZATION);
        return given != null ? given : bearer(keys.get().value());
    }

    /** {@code Bearer <key>}, made once per key rather than once per request. */
    private List<String> bearer(String key) {
        Bearer last = this.last;
        if (last == null || !last.key().equals(key)) {
            last = new Bearer(key, List.of("Bearer " + key));
            this.last = last;
        }
        return last.header();
    }

    private record Bearer(String key, List<String> header) {

        @Override
        public String toString() {
            return "Bearer[******]";
        }
    }

    /** Scheme, host (case-insensitive) and effective port are equal. */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getHost() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        return "BearerAuth[origin=" + apiOrigin.getScheme() + "://" + apiOrigin.getAuthority() + "]";
    }
}
