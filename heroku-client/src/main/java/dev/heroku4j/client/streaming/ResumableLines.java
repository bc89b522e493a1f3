package dev.heroku4j.client.streaming;

import java.net.URI;
import java.util.Objects;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.error.HerokuApiException;

/**
 * Reads a stream URL Heroku hands out (a build's or release's {@code output_stream_url}, a log session's
 * {@code logplex_url}) as lines, and when the connection breaks, connects again and resumes where it broke, so that
 * no line is lost or repeated: a {@code text/plain} stream with {@code Range: bytes=N-} (N the bytes of the complete
 * lines already given; a server that answers 200 instead of 206 has its first N bytes skipped), a
 * {@code text/event-stream} with {@code Last-Event-Id} (events whose numeric id is not above the last one are
 * skipped, for a server that replays). A line cut in half by the break is given once, whole, after the reconnect.
 *
 * <p>Only a stream that has begun is resumed: when the first connection fails, its error is the stream's. The
 * stream ends cleanly when the server ends its response normally (the whole body arrived). It fails when
 * the server answers 4xx (an expired signed URL: the caller may ask Heroku for a new one), or after
 * {@link StreamOptions#maxReconnects()} reconnects in a row without a new line. The given {@code WebClient} must be
 * the engine's stream client: verified TLS, no API key (the URL carries its own credentials).
 */
public final class ResumableLines {

    /** Longest line accepted. */
    public static final int MAX_LINE_LENGTH = 1024 * 1024;

    private final WebClient webClient;

    public ResumableLines(WebClient webClient) {
        this.webClient = Objects.requireNonNull(webClient, "webClient");
    }

    /** The lines of {@code url}, resumed after disconnects as {@code options} allow. */
    public Flux<String> lines(URI url, StreamOptions options) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        return Flux.defer(() -> connect(url, new StreamCursor(), options, 0));
    }

    private Flux<String> connect(URI url, StreamCursor cursor, StreamOptions options, int failedInRow) {
        long before = cursor.delivered();
        Flux<String> once = webClient.get().uri(url)
                .headers(cursor::resumeHeaders)
                .accept(MediaType.TEXT_EVENT_STREAM, MediaType.TEXT_PLAIN, MediaType.ALL)
                .exchangeToFlux(cursor::read);
        return once.onErrorResume(ResumableLines::resumable, error -> {
            if (cursor.responses() == 0) {
                return Flux.error(error); // it never began: a wrong or expired URL, not a break
            }
            int failed = cursor.delivered() > before ? 1 : failedInRow + 1;
            if (failed > options.maxReconnects()) {
                return Flux.error(new StreamBrokenException(url, failed - 1, error));
            }
            return Mono.delay(options.pause(failed)).thenMany(Flux.defer(() -> connect(url, cursor, options, failed)));
        });
    }

    /** A break (I/O, 5xx, 429) is worth a reconnect; a 4xx answer or a bad line is not. */
    static boolean resumable(Throwable error) {
        if (error instanceof HerokuApiException api) {
            return api.status() >= 500 || api.status() == 429;
        }
        return !(error instanceof StreamCursor.LineTooLongException) && error instanceof Exception;
    }
}
