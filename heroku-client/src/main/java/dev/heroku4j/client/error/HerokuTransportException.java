package dev.heroku4j.client.error;

/**
 * No HTTP response arrived: connection refused or reset, DNS failure, TLS failure, connect or response timeout.
 * {@link #outcome()} says whether the request may have reached the server ({@link TransportOutcome}).
 * The message names the request ({@code GET /apps/{app_id_or_name}}); the cause is Spring's
 * {@code WebClientRequestException}, whose own cause is the Netty/JDK exception.
 *
 * <p>Wrapped (rather than letting {@code WebClientRequestException} through) so that callers catch one family,
 * {@link HerokuException}, and so the retry filter can tell "never answered" from "answered with an error".
 */
public class HerokuTransportException extends HerokuException {

    private final String method;
    private final String pathTemplate;
    private final TransportOutcome outcome;

    public HerokuTransportException(String method, String pathTemplate, Throwable cause) {
        super(method + " " + pathTemplate + " failed without a response: " + describe(cause), cause);
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.outcome = TransportOutcome.of(cause);
    }

    /**
     * Whether the request may have reached the server: {@link TransportOutcome#NOT_SENT} is safe to send again
     * for every method, {@link TransportOutcome#UNKNOWN} may have taken effect, {@link TransportOutcome#PERMANENT}
     * will fail again the same way.
     */
    public TransportOutcome outcome() {
        return outcome;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
