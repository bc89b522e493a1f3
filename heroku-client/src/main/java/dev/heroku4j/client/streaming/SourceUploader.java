package dev.heroku4j.client.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import dev.heroku4j.client.error.HerokuErrorFilter;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.ReactorConnectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads a source tarball to the {@code source_blob.put_url} of {@code POST /sources} (a pre-signed S3 URL).
 *
 * <p>The request carries no {@code Authorization} (the URL is signed; the API key must not go to S3) and no
 * {@code Content-Type}: the URL is signed without one, and S3 rejects a request whose headers differ from the
 * signature ({@code SignatureDoesNotMatch}); this is what {@code curl -H 'Content-Type:'} does in Heroku's docs.
 * {@code Content-Length} is always set, because S3 does not accept chunked uploads to a pre-signed URL.
 * Errors (S3 answers in XML) become {@code HerokuApiException} with a body excerpt.
 */
public final class SourceUploader {

    private static final int CHUNK = 64 * 1024;

    private final WebClient webClient;

    /** Uses the given client as is; it must not carry the API key. */
    public SourceUploader(WebClient webClient) {
        this.webClient = Objects.requireNonNull(webClient, "webClient");
    }

    public Mono<Void> put(String putUrl, byte[] content) {
        return put(URI.create(putUrl), content);
    }

    public Mono<Void> put(URI putUrl, byte[] content) {
        return put(putUrl, content, sent -> { });
    }

    /** Sends the bytes in chunks of 64 KiB, telling {@code progress} the bytes handed to the connection so far. */
    public Mono<Void> put(URI putUrl, byte[] content, java.util.function.LongConsumer progress) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(progress, "progress");
        return send(putUrl, content.length, Flux.defer(() -> Flux.range(0, (content.length + CHUNK - 1) / CHUNK)
                .map(i -> {
                    int end = Math.min(content.length, (i + 1) * CHUNK);
                    DataBuffer chunk = DefaultDataBufferFactory.sharedInstance.wrap(java.util.Arrays.copyOfRange(content, i * CHUNK, end));
                    progress.accept(end);
                    return chunk;
                })));
    }

    /** Streams the file; it is not loaded into memory. */
    public Mono<Void> put(URI putUrl, Path file) {
        Objects.requireNonNull(file, "file");
        return Mono.fromCallable(() -> Files.size(file))
                .onErrorMap(IOException.class, e -> new UncheckedIOException("Cannot read " + file, e))
                .flatMap(size -> send(putUrl, size,
                        DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, CHUNK)));
    }

    private Mono<Void> send(URI putUrl, long length, Flux<DataBuffer> body) {
        return webClient.put().uri(putUrl)
                .headers(h -> h.setContentLength(length))
                // fromDataBuffers writes the bytes as they are: no encoder, so no Content-Type is added
                .body(BodyInserters.fromDataBuffers(body))
                .retrieve()
                .toBodilessEntity()
                .then();
    }
}
