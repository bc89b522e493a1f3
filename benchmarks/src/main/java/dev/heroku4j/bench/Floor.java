package dev.heroku4j.bench;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reactive floor: the least a Spring WebFlux user could write for the same call: a plain WebClient (default
 * Reactor Netty connector), Jackson 3, a hand-written record, a bearer header and Heroku's Accept. No filters, no
 * retry. {@link BlockingFloor} is its blocking counterpart.
 */
public final class Floor {

    public record Ref(UUID id, String name) {
    }

    public record Owner(String email, UUID id) {
    }

    /** The fields of Heroku's app resource. */
    public record AppRecord(Boolean acm, OffsetDateTime archivedAt, String buildpackProvidedDescription, Ref buildStack,
                            OffsetDateTime createdAt, Ref generation, String gitUrl, UUID id, Boolean internalRouting,
                            Boolean maintenance, String name, Owner owner, Ref organization, Ref team, Ref region,
                            OffsetDateTime releasedAt, Long repoSize, Long slugSize, Ref space, Ref stack,
                            OffsetDateTime updatedAt, URI webUrl) {
    }

    static final MediaType HEROKU_JSON = MediaType.parseMediaType("application/vnd.heroku+json; version=3");

    private final WebClient webClient;

    public Floor(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, null);
    }

    /** With a given connector (null: WebClient's default Reactor Netty connector). */
    public Floor(String baseUrl, String apiKey, org.springframework.http.client.reactive.ClientHttpConnector connector) {
        this(baseUrl, apiKey, connector, mapper());
    }

    /** With a given connector (or null) and decoder mapper: heroku4j's, to decode into its generated models. */
    public Floor(String baseUrl, String apiKey, org.springframework.http.client.reactive.ClientHttpConnector connector,
                 JsonMapper mapper) {
        WebClient.Builder builder = WebClient.builder();
        if (connector != null) {
            builder.clientConnector(connector);
        }
        this.webClient = builder
                .baseUrl(baseUrl)
                .defaultHeaders(h -> {
                    h.setBearerAuth(apiKey);
                    h.setAccept(java.util.List.of(HEROKU_JSON));
                })
                .codecs(c -> c.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper)))
                .build();
    }

    /** Jackson 3 for Heroku's snake-case JSON; shared with {@link BlockingFloor} and {@code DecodeBenchmark}. */
    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Refuses a record that did not decode: unknown properties are ignored (see {@link #mapper()}), so a wrong naming
     * strategy would give nulls rather than an error, and the floor would skip most of the decoding work.
     */
    public static void check(AppRecord app) {
        if (app == null || !"example".equals(app.name()) || app.createdAt() == null || app.webUrl() == null) {
            throw new IllegalStateException("the floor did not decode the app: " + app);
        }
    }

    public Mono<AppRecord> appInfo(String name) {
        return appInfo(name, AppRecord.class);
    }

    /** The same call decoded into another type (the generated {@code App}, with heroku4j's mapper). */
    public <T> Mono<T> appInfo(String name, Class<T> type) {
        return webClient.get().uri("/apps/{name}", name).retrieve().bodyToMono(type);
    }
}
