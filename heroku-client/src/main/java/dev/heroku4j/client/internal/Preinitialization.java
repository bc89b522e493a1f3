package dev.heroku4j.client.internal;

import java.security.NoSuchAlgorithmException;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.api.HerokuApis;
import dev.heroku4j.client.api.ReactiveHerokuApis;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.retry.RetrySettings;

/**
 * A dry run of the engine, for a background thread at application start-up (as Spring Boot's own
 * {@code BackgroundPreinitializer} does for Jackson and validation): it loads and initializes what a first call
 * needs, so that neither the application's start-up thread nor its first call pays for it.
 *
 * <p>Nothing is sent: the throwaway client answers from memory ({@link CannedConnector}), has no key of the
 * application's, no throttle and no retries. What it cannot warm is the application's own connector (made when its
 * client is prepared) and the first connection.
 */
public final class Preinitialization {

    static final String APP = "{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"preinitialization\","
            + "\"generation\":{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"cedar\"},"
            + "\"region\":{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"us\"},"
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"maintenance\":false}";

    private Preinitialization() {
    }

    /** Runs the dry run; returns the app names it decoded (one single-object call, one list call). */
    public static List<String> run() {
        // What Spring's bean introspection asks for first (getDeclaredMethods loads every API type they return).
        HerokuApis.class.getDeclaredMethods();
        ReactiveHerokuApis.class.getDeclaredMethods();
        defaultTls();
        ReactiveHerokuClient reactive = ReactiveHerokuClient.builder()
            .apiKey("preinitialization")
            .baseUrl("https://preinitialization.invalid")
            .clientConnector(new CannedConnector(APP))
            .rateLimitThrottle(false)
            .retry(RetrySettings.disabled())
            .build();
        HerokuClient blocking = reactive.blocking();
        App one = blocking.app().appInfo("preinitialization");
        App listed = reactive.app().appList().blockFirst();
        return List.of(one.getName(), listed == null ? "" : listed.getName());
    }

    /**
     * The JDK's default TLS context: both connectors' clients ask for it when they are made (the JDK HttpClient
     * even for an http URL), and making it reads the CA certificates, a few hundred milliseconds on a small machine.
     */
    private static void defaultTls() {
        try {
            SSLContext.getDefault();
        }
        catch (NoSuchAlgorithmException ex) {
            // the client that needs it will report this itself
        }
    }
}
