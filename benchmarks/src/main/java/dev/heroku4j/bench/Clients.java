package dev.heroku4j.bench;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;

/** How every benchmark builds the clients: as a user would, pointed at the loopback server. */
public final class Clients {

    public static final String API_KEY = "01234567-89ab-cdef-0123-456789abcdef";

    private Clients() {
    }

    public static String baseUrl() {
        String url = System.getProperty("bench.url");
        if (url == null) {
            throw new IllegalStateException("-Dbench.url=http://127.0.0.1:<port> is required");
        }
        return url;
    }

    /** heroku4j for reactive code: {@code heroku.app().appInfo(..)} is a Mono. */
    public static ReactiveHerokuClient reactive(String baseUrl) {
        return ReactiveHerokuClient.builder().apiKey(API_KEY).baseUrl(baseUrl).build();
    }

    /** heroku4j for blocking code: {@code heroku.app().appInfo(..)} returns the App. */
    public static HerokuClient blocking(String baseUrl) {
        return HerokuClient.builder().apiKey(API_KEY).baseUrl(baseUrl).build();
    }

    public static Floor floor(String baseUrl) {
        return new Floor(baseUrl, API_KEY);
    }

    public static BlockingFloor blockingFloor(String baseUrl) {
        return new BlockingFloor(baseUrl, API_KEY);
    }

    /** heroku.jar reads its endpoint once, from -Dheroku.host (or HEROKU_HOST), when its classes load. */
    public static com.heroku.api.HerokuAPI herokuJar(String baseUrl) {
        String configured = System.getProperty("heroku.host");
        if (configured == null) {
            System.setProperty("heroku.host", baseUrl);
        } else if (!configured.equals(baseUrl)) {
            throw new IllegalStateException("heroku.host is " + configured + ", not " + baseUrl);
        }
        return new com.heroku.api.HerokuAPI(API_KEY);
    }
}
