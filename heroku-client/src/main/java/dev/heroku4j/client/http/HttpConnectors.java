package dev.heroku4j.client.http;

import java.net.http.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.ClassUtils;

/**
 * The engine's default connectors, used when no connector is given (Spring Boot's auto-configuration gives Boot's
 * own): Reactor Netty ({@link ReactorConnectors}) when it is on the classpath, as in a WebFlux application, else
 * Spring's {@link JdkClientHttpConnector} over the JDK's {@link HttpClient}, so that a Spring MVC application need
 * not carry Netty. Both with the same settings: the connect timeout, the response timeout (none for streams) and no
 * redirects, so a redirect to another host can never carry the API key.
 *
 * <p>The one place where the choice is made. The Reactor Netty branch is reached only through
 * {@link ReactorConnectors}, so without Reactor Netty no class of it is ever loaded.
 */
public final class HttpConnectors {

    static final String REACTOR_NETTY_CLIENT = "reactor.netty.http.client.HttpClient";

    private HttpConnectors() {
    }

    /** Whether the defaults use Reactor Netty, i.e. whether it can be loaded where heroku4j is. */
    public static boolean reactorNettyPresent() {
        return reactorNettyPresent(HttpConnectors.class.getClassLoader());
    }

    static boolean reactorNettyPresent(ClassLoader classLoader) {
        return ClassUtils.isPresent(REACTOR_NETTY_CLIENT, classLoader);
    }

    /** The connector for API calls: both timeouts. */
    public static ClientHttpConnector api(HttpTimeouts timeouts) {
        return api(timeouts, reactorNettyPresent());
    }

    /** The connector for long-lived streams and uploads: connect timeout only, since a quiet stream is not a dead one. */
    public static ClientHttpConnector streams(HttpTimeouts timeouts) {
        return streams(timeouts, reactorNettyPresent());
    }

    static ClientHttpConnector api(HttpTimeouts timeouts, boolean reactorNetty) {
        return reactorNetty ? ReactorConnectors.connector(timeouts) : jdk(timeouts);
    }

    /** The JDK connector for API calls, whether or not Reactor Netty is there (what a Spring MVC application gets). */
    public static ClientHttpConnector jdk(HttpTimeouts timeouts) {
        JdkClientHttpConnector connector = new JdkClientHttpConnector(jdkHttpClient(timeouts));
        // The JDK client's request timeout: until the response headers arrive (it has no gap-between-reads timeout).
        connector.setReadTimeout(timeouts.response());
        return connector;
    }

    static ClientHttpConnector streams(HttpTimeouts timeouts, boolean reactorNetty) {
        if (reactorNetty) {
            return new ReactorClientHttpConnector(ReactorConnectors.streamingHttpClient(timeouts));
        }
        return new JdkClientHttpConnector(jdkHttpClient(timeouts));
    }

    /** A JDK {@code HttpClient} with the connect timeout and no redirects (its default, said explicitly). */
    static HttpClient jdkHttpClient(HttpTimeouts timeouts) {
        return HttpClient.newBuilder()
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
