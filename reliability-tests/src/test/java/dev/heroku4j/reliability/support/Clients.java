package dev.heroku4j.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.retry.RetrySettings;

/**
 * Clients with short, test-sized timeouts and backoff, so every fault resolves in well under a few seconds; the
 * blocking ones also stop waiting after {@link #BOUND} (the call timeout), so no test can hang on a call.
 */
public final class Clients {

    /** Response timeout of the test clients: the trickle server sends one byte a second, slower than this. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** The default 3 retries with 10..50 ms backoff (instead of 500 ms..8 s) and a 10 s budget. */
    public static final RetrySettings FAST_RETRY = RetrySettings.DEFAULTS
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).withMaxTotalWait(Duration.ofSeconds(10));
    /** Bound of every single call in these tests: the call timeout of the blocking clients, and every {@code block(..)}. */
    public static final Duration BOUND = Duration.ofSeconds(20);

    private Clients() {
    }

    public static HerokuClient fast(String baseUrl) {
        return fast(baseUrl, FAST_RETRY);
    }

    /**
     * The rate-limit throttle (on by default) is off here: a fault test is about what one call meets, and the
     * throttle's probe at a client's first call would meet the fault first and count among the requests the test
     * counts (a probe that fails is ThrottleFilterTest's; the throttle under load, SharedThrottleLoadTests').
     */
    public static HerokuClient fast(String baseUrl, RetrySettings retry) {
        return HerokuClient.builder().apiKey(Secrets.KEY).baseUrl(baseUrl)
                .connectTimeout(CONNECT_TIMEOUT).responseTimeout(RESPONSE_TIMEOUT).retry(retry).callTimeout(BOUND)
                .rateLimitThrottle(false).build();
    }

    /**
     * A client for tests of what the client does over many calls (waiters, deploys) rather than of a fault: the
     * fast retries, but the default response timeout, so a simulator slowed by a busy machine is not a fault.
     */
    public static HerokuClient patient(String baseUrl) {
        return HerokuClient.builder().apiKey(Secrets.KEY).baseUrl(baseUrl).retry(FAST_RETRY).callTimeout(BOUND).build();
    }

    /** A loopback port nothing listens on (bound, then released). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
