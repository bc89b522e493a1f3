package dev.heroku4j.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The heroku4j version, for the {@code User-Agent}. Read from {@code heroku4j-client.properties} (filtered by Maven
 * at build time), else from the jar manifest, else {@code "unknown"}.
 */
public final class ClientVersion {

    private static final String VERSION = load();

    private ClientVersion() {
    }

    public static String get() {
        return VERSION;
    }

    /** {@code heroku4j/<version>}. */
    public static String defaultUserAgent() {
        return "heroku4j/" + VERSION;
    }

    private static String load() {
        try (InputStream in = ClientVersion.class.getResourceAsStream("heroku4j-client.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through to the manifest
        }
        String fromManifest = ClientVersion.class.getPackage().getImplementationVersion();
        return fromManifest == null || fromManifest.isBlank() ? "unknown" : fromManifest;
    }
}
