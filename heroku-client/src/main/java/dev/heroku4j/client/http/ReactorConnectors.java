package dev.heroku4j.client.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Builds the Reactor Netty {@link HttpClient} and connector for the Heroku {@code WebClient}.
 *
 * <p>Redirects are not followed (explicitly, though it is Reactor Netty's default), so a redirect to another host
 * can never carry the API key. Wiretap is never enabled: it would print raw request bytes, {@code Authorization}
 * included, to the {@code reactor.netty.http.client} logger at DEBUG; do not add it to a client carrying the key.
 *
 * <p>Connections come from heroku4j's own pool, not Reactor Netty's global one, which never closes an idle
 * connection: a server that closes a kept-alive connection while a request is being written on it leaves that
 * request sent and unanswered, an unknown outcome for a POST. So a connection idle longer than
 * {@link HttpTimeouts#idle()} is not reused, and idle ones are closed in the background too (no sockets left open
 * after a burst). The pool is bounded per host: {@value #MAX_CONNECTIONS} connections, as many as Reactor Netty's own
 * pool allows, so heroku4j never makes a request wait for a connection where a plain {@code WebClient} would not (a
 * waiting request costs a timer set and cancelled on Reactor's shared scheduler: 256 callers on 50 connections made
 * about 10% fewer calls a second, see benchmarks/README.md), and {@value #MAX_PENDING} requests waiting for one;
 * beyond that a request fails without being sent ({@code TransportOutcome.NOT_SENT}), and is retried.
 *
 * <p>API calls ask for gzip ({@code Accept-Encoding: gzip}) and decode it: a page of 1,000 apps is several times
 * smaller. Response headers may be up to {@value #MAX_HEADER_SIZE} bytes in all (Netty's default is 8 KiB; Heroku's
 * {@code Next-Range} can be long).
 */
public final class ReactorConnectors {

    static final int MAX_CONNECTIONS = 500;
    static final int MAX_PENDING = 1_000;
    static final int MAX_HEADER_SIZE = 64 * 1024;

    /** One pool per idle timeout in use (in practice one), shared by every client, as Reactor Netty's own is. */
    private static final Map<Duration, ConnectionProvider> POOLS = new ConcurrentHashMap<>();

    private ReactorConnectors() {
    }

    /** An {@code HttpClient} with all three timeouts, gzip and room for long response headers. */
    public static HttpClient httpClient(HttpTimeouts timeouts) {
        return base(timeouts)
                .responseTimeout(timeouts.response())
                .compress(true);
    }

    /**
     * An {@code HttpClient} for long-lived streams (log tails, build output): connect timeout only, because a quiet
     * stream is not a dead one; no gzip, so that each line arrives as soon as it is written.
     */
    public static HttpClient streamingHttpClient(HttpTimeouts timeouts) {
        return base(timeouts);
    }

    public static ReactorClientHttpConnector connector(HttpTimeouts timeouts) {
        return new ReactorClientHttpConnector(httpClient(timeouts));
    }

    /** heroku4j's connection pool for this idle timeout. */
    static ConnectionProvider pool(Duration idle) {
        return POOLS.computeIfAbsent(idle, d -> ConnectionProvider.builder("heroku4j")
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(MAX_PENDING)
                .maxIdleTime(d)
                .evictInBackground(d)
                .build());
    }

    private static HttpClient base(HttpTimeouts timeouts) {
        return HttpClient.create(pool(timeouts.idle()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
                .httpResponseDecoder(spec -> spec.maxHeaderSize(MAX_HEADER_SIZE))
                .followRedirect(false);
    }
}
