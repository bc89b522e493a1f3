package dev.heroku4j.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A connector that never touches the network: every request, whatever its method and URL, is answered in memory,
 * status 200, with one fixed JSON object, or an array holding it for a path that names a collection: Heroku's paths
 * alternate collection and identity, so {@code /apps} is a list and {@code /apps/{app}} one app. Used only by {@link Preinitialization}'s dry run, so that the codecs,
 * filters and bridges are loaded before the first real call needs them.
 */
final class CannedConnector implements ClientHttpConnector {

    private final byte[] object;
    private final byte[] page;

    CannedConnector(String jsonObject) {
        this.object = jsonObject.getBytes(StandardCharsets.UTF_8);
        this.page = ("[" + jsonObject + "]").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
            Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
        Request request = new Request(method, uri);
        return Mono.defer(() -> requestCallback.apply(request))
            .then(Mono.fromSupplier(() -> new Response(isCollection(uri) ? page : object)));
    }

    private static boolean isCollection(URI uri) {
        String path = uri.getPath();
        return path.chars().filter((c) -> c == '/').count() % 2 == 1;
    }

    /** Takes whatever is written and drops it. */
    private static final class Request extends AbstractClientHttpRequest {

        private final HttpMethod method;
        private final URI uri;

        Request(HttpMethod method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        @Override
        public HttpMethod getMethod() {
            return method;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return DefaultDataBufferFactory.sharedInstance;
        }

        @Override
        public <T> T getNativeRequest() {
            throw new UnsupportedOperationException("an in-memory request has no native request");
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return doCommit(() -> Flux.from(body).doOnNext(DataBufferUtils::release).then());
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).flatMap(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return doCommit();
        }

        @Override
        protected void applyHeaders() {
        }

        @Override
        protected void applyCookies() {
        }
    }

    private static final class Response implements ClientHttpResponse {

        private final HttpHeaders headers = new HttpHeaders();
        private final byte[] body;

        Response(byte[] body) {
            this.body = body;
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setContentLength(body.length);
        }

        @Override
        public String getId() {
            return "in-memory";
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(200);
        }

        @Override
        public MultiValueMap<String, ResponseCookie> getCookies() {
            return new LinkedMultiValueMap<>();
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.clone())));
        }
    }
}
