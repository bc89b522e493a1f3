package dev.heroku4j.client.streaming;

import java.net.URI;

import dev.heroku4j.client.error.HerokuException;

/** A stream broke more often in a row than its {@link StreamOptions} allow; the cause is the last break. */
public class StreamBrokenException extends HerokuException {

    private final int reconnects;

    public StreamBrokenException(URI url, int reconnects, Throwable cause) {
        // the query is left out: a signed stream URL carries its credentials there
        super("The stream " + url.getScheme() + "://" + url.getAuthority().replaceAll(".*@", "") + url.getRawPath()
                + " broke after " + reconnects + " reconnect" + (reconnects == 1 ? "" : "s") + " without a new line: "
                + cause, cause);
        this.reconnects = reconnects;
    }

    /** Reconnects tried in a row before giving up. */
    public int reconnects() {
        return reconnects;
    }
}
