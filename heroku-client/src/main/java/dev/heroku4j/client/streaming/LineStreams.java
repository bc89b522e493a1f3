package dev.heroku4j.client.streaming;

import java.net.URI;
import java.util.Objects;

import dev.heroku4j.client.error.HerokuErrorFilter;
import dev.heroku4j.client.http.ClientVersion;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Reads a URL as a stream of text lines: a log session's {@code logplex_url} or a build's
 * {@code output_stream_url}. Such URLs carry their own credentials (a signed query string), live on other hosts
 * than the API, and must not get the API key: this uses its own {@code WebClient} with no auth filter.
 *
 * <p>Lines are split on {@code \n} or {@code \r\n} by Spring's {@code StringDecoder}, also when a line arrives in
 * several chunks; the delimiter is removed; a last line without newline is still emitted. The connection has a
 * connect timeout but no response timeout, since a tail can stay quiet for minutes; cancel the subscription to stop.
 */
public final class LineStreams {

    /** Longest line accepted. */
    public static final int MAX_LINE_LENGTH = 1024 * 1024;

    private final WebClient webClient;

    /** Uses the given client as is; it must not carry the API key. */
    public LineStreams(WebClient webClient) {
        this.webClient = Objects.requireNonNull(webClient, "webClient");
    }

    /** Lines of the URL, taken literally (its signed query string is not re-encoded). */
    public Flux<String> lines(String url) {
        return lines(URI.create(url));
    }

    public Flux<String> lines(URI url) {
        return webClient.get().uri(url)
                .accept(MediaType.TEXT_PLAIN, MediaType.ALL)
                .retrieve()
                .bodyToFlux(String.class);
    }
}
