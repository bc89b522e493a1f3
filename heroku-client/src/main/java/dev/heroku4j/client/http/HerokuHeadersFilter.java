package dev.heroku4j.client.http;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Sets the headers every Heroku request carries:
 * <ul>
 *   <li>{@code User-Agent} (default {@code heroku4j/<version>});</li>
 *   <li>a fresh {@code Request-Id} (UUID) for every attempt, so a retried call can be told apart in Heroku's logs;</li>
 *   <li>exactly one {@code Accept}: a request that already names a Heroku variant other than plain {@code version=3}
 *       (e.g. {@code application/vnd.heroku+json; version=3.sdk}, set by the spec for SDK-only operations) keeps it;
 *       a missing Accept, {@code version=3} or anything else becomes the configured default variant.</li>
 * </ul>
 * The headers are computed when the exchange is subscribed, so re-subscription by the retry filter gets new ones.
 */
public final class HerokuHeadersFilter implements ExchangeFilterFunction {

    private final String userAgent;
    private final String defaultAccept;
    private final Supplier<String> requestIds;

    /**
     * @param userAgent      the {@code User-Agent} value
     * @param defaultVariant the Heroku variant for requests that do not name one: {@code "3"} or {@code "3.sdk"}
     */
    public HerokuHeadersFilter(String userAgent, String defaultVariant) {
        this(userAgent, defaultVariant, () -> UUID.randomUUID().toString());
    }

    HerokuHeadersFilter(String userAgent, String defaultVariant, Supplier<String> requestIds) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.defaultAccept = HerokuHeaders.accept(Objects.requireNonNull(defaultVariant, "defaultVariant"));
        this.requestIds = requestIds;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> next.exchange(ClientRequest.from(request).headers(h -> {
            h.set(HttpHeaders.USER_AGENT, userAgent);
            h.set(HerokuHeaders.REQUEST_ID, requestIds.get());
            String keep = explicitVariant(h.get(HttpHeaders.ACCEPT));
            h.set(HttpHeaders.ACCEPT, keep != null ? keep : defaultAccept);
        }).build()));
    }

    /** The first Accept value that names a Heroku variant other than plain "3", or null. */
    static @Nullable String explicitVariant(@Nullable List<String> acceptValues) {
        if (acceptValues == null || acceptValues.isEmpty()) {
            return null;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(acceptValues);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        for (MediaType type : types) {
            String version = type.getParameter("version");
            if ("application".equals(type.getType()) && "vnd.heroku+json".equals(type.getSubtype())
                    && version != null && !version.equals("3")) {
                return HerokuHeaders.accept(version);
            }
        }
        return null;
    }
}
