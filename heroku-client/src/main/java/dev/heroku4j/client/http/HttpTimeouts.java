package dev.heroku4j.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Connect, response and idle timeouts for the Reactor Netty connector.
 *
 * @param connect  time to establish the TCP/TLS connection (default 10 s)
 * @param response longest gap between reads of one response, Reactor Netty's {@code responseTimeout} (default 30 s)
 * @param idle     longest a pooled connection sits unused before it is closed instead of reused (default 4 s: below
 *                 the 5 s keep-alive of Apache httpd and Node.js, the shortest common server defaults, so a request
 *                 never goes out on a connection the server is just closing)
 */
public record HttpTimeouts(Duration connect, Duration response, Duration idle) {

    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(4);

    /** The longest connect timeout: the connectors take it as an {@code int} of milliseconds (about 24.8 days). */
    public static final Duration MAX_CONNECT = Duration.ofMillis(Integer.MAX_VALUE);

    public static final HttpTimeouts DEFAULTS = new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public HttpTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(idle, "idle");
        if (!positive(connect) || !positive(response) || !positive(idle)) {
            throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + response + ", " + idle);
        }
        if (connect.compareTo(MAX_CONNECT) > 0) {
            throw new IllegalArgumentException("connect timeout too large: " + connect);
        }
    }

    /** Connect and response timeouts with the default idle timeout. */
    public HttpTimeouts(Duration connect, Duration response) {
        this(connect, response, DEFAULT_IDLE);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
