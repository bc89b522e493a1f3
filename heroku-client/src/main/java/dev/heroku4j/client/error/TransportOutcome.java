package dev.heroku4j.client.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

/**
 * What a request that got no response did, as far as the client can prove it: the basis of the retry decision
 * ({@code RetryFilter}) and of what a caller may safely do next.
 */
public enum TransportOutcome {

    /**
     * Provably nothing reached the server: the connection was refused or never made (connect failure or timeout,
     * DNS), the TLS handshake did not complete, or the connection pool refused to queue the request. Safe to send
     * again for every method, POST included.
     */
    NOT_SENT,

    /**
     * The request may have reached the server, which did not answer (reset or closed connection, response timeout):
     * Heroku may have acted. Only idempotent methods are sent again.
     */
    UNKNOWN,

    /**
     * Nothing was sent, and sending again cannot help: the server's certificate is not trusted (PKIX path, expired,
     * wrong host), or the request itself is invalid (a header value, the key say, with CR or LF). Never retried.
     */
    PERMANENT;

    /** Classifies a failure by the exceptions in its cause chain (and their suppressed ones). */
    public static TransportOutcome of(Throwable failure) {
        boolean handshake = false;
        boolean notSent = false;
        for (Throwable t : chain(failure)) {
            if (t instanceof GeneralSecurityException || t instanceof IllegalArgumentException) {
                // certificate/path validation, or Netty's header validation: nothing goes out, ever
                return PERMANENT;
            }
            if (t instanceof SSLHandshakeException) {
                handshake = true;
            } else if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || isPoolRefusal(t)) {
                notSent = true;
            }
        }
        // a handshake that failed for any other reason (closed, reset, refused protocol) sent no request bytes
        return notSent || handshake ? NOT_SENT : UNKNOWN;
    }

    /** Reactor Netty's pool (its reactor-pool copy is shaded, so matched by name): pending-acquire limit or timeout. */
    private static boolean isPoolRefusal(Throwable t) {
        String name = t.getClass().getSimpleName();
        return name.equals("PoolAcquirePendingLimitException") || name.equals("PoolAcquireTimeoutException");
    }

    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return seen;
    }
}
