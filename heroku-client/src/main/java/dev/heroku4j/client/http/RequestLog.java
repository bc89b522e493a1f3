package dev.heroku4j.client.http;

import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * One DEBUG line per attempt: {@code GET /apps/{app_id_or_name} -> 200 in 12 ms (Request-Id ...)}, written by the
 * engine ({@code internal.HerokuExchangeFilter}) with the real status of every attempt, before an error status
 * becomes an exception. It logs the path TEMPLATE, never the expanded path, query, headers or body, so no identity,
 * token or {@code Authorization} value can reach the log at any level.
 */
public final class RequestLog {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    private RequestLog() {
    }

    /** Whether attempts are logged at all; asked once per attempt, so nothing is timed or kept when not. */
    public static boolean enabled() {
        return log.isDebugEnabled();
    }

    /** An answer, whatever its status; {@code startNanos} from {@link System#nanoTime()} when the attempt began. */
    public static void answered(ClientRequest request, int status, long startNanos) {
        if (log.isDebugEnabled()) {
            log.debug("{} -> {} in {} ms (Request-Id {})", RequestInfo.describe(request), status,
                    elapsedMillis(startNanos), requestId(request));
        }
    }

    /** No answer: the failure as it came from the connector, before it is mapped. */
    public static void failed(ClientRequest request, Throwable failure, long startNanos) {
        if (log.isDebugEnabled()) {
            log.debug("{} -> {} in {} ms (Request-Id {})", RequestInfo.describe(request),
                    failure.getClass().getSimpleName(), elapsedMillis(startNanos), requestId(request));
        }
    }

    public static void cancelled(ClientRequest request, long startNanos) {
        log.debug("{} -> cancelled after {} ms (Request-Id {})", RequestInfo.describe(request),
                elapsedMillis(startNanos), requestId(request));
    }

    private static @Nullable String requestId(ClientRequest request) {
        return request.headers().getFirst(HerokuHeaders.REQUEST_ID);
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
