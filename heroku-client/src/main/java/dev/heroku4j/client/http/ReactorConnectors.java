package dev.heroku4j.client.http;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;

/**
 * Builds the Reactor Netty {@link HttpClient} and connector for the Heroku {@code WebClient}.
 *
 * <p>Redirects are not followed (explicitly, though it is Reactor Netty's default), so a redirect to another host
 * can never carry the API key. Wiretap is never enabled: it would print raw request bytes, {@code Authorization}
 * included, to the {@code reactor.netty.http.client} logger at DEBUG; do not add it to a client carrying the key.
 */
public final class ReactorConnectors {

    private ReactorConnectors() {
    }

    /** An {@code HttpClient} with both timeouts. */
    public static HttpClient httpClient(HttpTimeouts timeouts) {
        return HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
                .responseTimeout(timeouts.response())
                .followRedirect(false);
    }

    /**
     * An {@code HttpClient} for long-lived streams (log tails, build output): connect timeout only, because a quiet
     * stream is not a dead one.
     */
    public static HttpClient streamingHttpClient(HttpTimeouts timeouts) {
        return HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
                .followRedirect(false);
    }

    public static ReactorClientHttpConnector connector(HttpTimeouts timeouts) {
        return new ReactorClientHttpConnector(httpClient(timeouts));
    }
}
