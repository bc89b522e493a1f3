package dev.heroku4j.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Connect and response timeouts for the Reactor Netty connector.
 *
 * @param connect  time to establish the TCP/TLS connection (default 10 s)
 * @param response longest gap between reads of one response, Reactor Netty's {@code responseTimeout} (default 30 s)
 */
public record HttpTimeouts(Duration connect, Duration response) {

    public static final HttpTimeouts DEFAULTS = new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public HttpTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(response, "response");
        if (connect.isNegative() || connect.isZero() || response.isNegative() || response.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + response);
        }
        if (connect.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout too large: " + connect);
        }
    }
}
