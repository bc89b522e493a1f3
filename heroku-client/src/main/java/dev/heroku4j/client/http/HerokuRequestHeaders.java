package dev.heroku4j.client.http;

import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The headers every Heroku API request carries, decided once per attempt by the engine
 * ({@code internal.HerokuExchangeFilter}):
 * <ul>
 *   <li>{@code User-Agent} (default {@code heroku4j/<version>});</li>
 *   <li>a fresh {@code Request-Id} (UUID) for every attempt, so a retried call can be told apart in Heroku's logs;</li>
 *   <li>exactly one {@code Accept}: a request that already names a Heroku variant other than plain {@code version=3}
 *       (e.g. {@code application/vnd.heroku+json; version=3.sdk}, set by the spec for SDK-only operations) keeps it;
 *       a missing Accept, {@code version=3} or anything else becomes the configured default variant.</li>
 * </ul>
 * The key is not among them: {@code auth.BearerAuth} decides it.
 */
public final class HerokuRequestHeaders {

    private final String userAgent;
    private final String defaultAccept;
    private final Supplier<String> requestIds;

    /**
     * @param userAgent      the {@code User-Agent} value
     * @param defaultVariant the Heroku variant for requests that do not name one: {@code "3"} or {@code "3.sdk"}
     */
    public HerokuRequestHeaders(String userAgent, String defaultVariant) {
        this(userAgent, defaultVariant, HerokuRequestHeaders::requestId);
    }

    /**
     * A random (version 4) UUID. Request ids must be unique, not unguessable, so ThreadLocalRandom serves, without
     * UUID.randomUUID()'s lock on the shared secure random source.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static final int MAX_REMEMBERED_ACCEPTS = 32;
    private final Map<List<String>, String> accepts = new ConcurrentHashMap<>();

    HerokuRequestHeaders(String userAgent, String defaultVariant, Supplier<String> requestIds) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.defaultAccept = HerokuHeaders.accept(Objects.requireNonNull(defaultVariant, "defaultVariant"));
        this.requestIds = requestIds;
    }

    public String userAgent() {
        return userAgent;
    }

    /** A {@code Request-Id} for one attempt. */
    public String newRequestId() {
        return requestIds.get();
    }

    /**
     * The one Accept to send for a request that came with {@code acceptValues} (null: none), remembered per value:
     * the generated code asks with a handful of values, so parsing media types once per value beats once per request.
     */
    public String accept(@Nullable List<String> acceptValues) {
        if (acceptValues == null || acceptValues.isEmpty()) {
            return defaultAccept;
        }
        String cached = accepts.get(acceptValues);
        if (cached == null) {
            String keep = explicitVariant(acceptValues);
            cached = keep != null ? keep : defaultAccept;
            if (accepts.size() < MAX_REMEMBERED_ACCEPTS) {
                accepts.put(List.copyOf(acceptValues), cached);
            }
        }
        return cached;
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
