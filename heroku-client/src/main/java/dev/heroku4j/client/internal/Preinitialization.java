package dev.heroku4j.client.internal;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.retry.RetrySettings;

/**
 * A dry run of the engine, for a background thread once the application has started: it loads and initializes
 * what a first call needs (codecs, filters, the blocking bridge, paging, the JDK's default TLS context), so that the
 * first real call does not pay for it.
 *
 * <p>Nothing is sent: the throwaway client answers from memory ({@link CannedConnector}), has no key of the
 * application's, no throttle and no retries. What it cannot warm is the application's own connector (made when its
 * client is prepared) and the first connection. It runs once per JVM; later calls return at once.
 */
public final class Preinitialization {

    static final String APP = "{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"preinitialization\","
            + "\"generation\":{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"cedar\"},"
            + "\"region\":{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"us\"},"
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"maintenance\":false}";

    private static final AtomicBoolean done = new AtomicBoolean();

    private Preinitialization() {
    }

    /** Runs the dry run unless this JVM already has; says whether this call ran it. */
    public static boolean runOnce() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        run();
        return true;
    }

    /** The dry run itself; returns the app names it decoded (one single-object call, one list call). */
    static List<String> run() {
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
