package dev.heroku4j.client.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.http.HerokuHeaders;

/**
 * One attempt's request: the request it was given plus this attempt's {@code User-Agent}, {@code Request-Id} and
 * {@code Accept}, without copying the given one ({@code ClientRequest.from(..)} copies its headers, attributes and
 * cookies: about 1.2 KB per call, benchmarks figure 1c). Built by {@link HerokuExchangeFilter}.
 *
 * <p>It sends what that copy would send, in the same order: the given headers, each of the three in its place when the
 * given request has it under the same spelling, the rest of the three after them, {@code Authorization} (kept out of
 * {@link #headers()}, see {@link HerokuExchangeFilter}) last. {@link #headers()} is made only when someone asks (the
 * request log at debug, an error answer, a failure); sending needs none. The given request must carry no
 * {@code Authorization} that is not to be sent: the filter takes it out (with a copy, for the rare request to another
 * origin that has one) before it comes here.
 */
final class AttemptRequest implements ClientRequest {

    private final ClientRequest given;
    private final String userAgent;
    private final String requestId;
    private final String accept;
    private final @Nullable List<String> authorization;
    private volatile @Nullable HttpHeaders headers;

    AttemptRequest(ClientRequest given, String userAgent, String requestId, String accept,
                   @Nullable List<String> authorization) {
        this.given = given;
        this.userAgent = userAgent;
        this.requestId = requestId;
        this.accept = accept;
        this.authorization = authorization;
    }

    @Override
    public HttpMethod method() {
        return given.method();
    }

    @Override
    public URI url() {
        return given.url();
    }

    /** What the request is sent with, {@code Authorization} apart; read-only, made at the first question. */
    @Override
    public HttpHeaders headers() {
        HttpHeaders made = headers;
        if (made == null) {
            HttpHeaders copy = new HttpHeaders();
            copy.addAll(given.headers());
            copy.set(HttpHeaders.USER_AGENT, userAgent);
            copy.set(HerokuHeaders.REQUEST_ID, requestId);
            copy.set(HttpHeaders.ACCEPT, accept);
            copy.remove(HttpHeaders.AUTHORIZATION);
            made = HttpHeaders.readOnlyHttpHeaders(copy);
            headers = made;
        }
        return made;
    }

    @Override
    public MultiValueMap<String, String> cookies() {
        return given.cookies();
    }

    @Override
    public BodyInserter<?, ? super ClientHttpRequest> body() {
        return given.body();
    }

    @Override
    public Map<String, Object> attributes() {
        return given.attributes();
    }

    /** The given request's consumer, then the key: so that a copy of this request ({@code from(..)}) still sends it. */
    @Override
    public @Nullable Consumer<ClientHttpRequest> httpRequest() {
        Consumer<ClientHttpRequest> own = given.httpRequest();
        if (authorization == null) {
            return own;
        }
        Consumer<ClientHttpRequest> key = this::writeAuthorization;
        return own == null ? key : own.andThen(key);
    }

    @Override
    public String logPrefix() {
        return given.logPrefix();
    }

    /**
     * Writes the headers as {@code HttpHeaders.set} on a copy would have ordered them, then leaves the rest (cookies,
     * attributes, the given consumer, the body) to the given request, whose own headers are then all present.
     */
    @Override
    public Mono<Void> writeTo(ClientHttpRequest request, ExchangeStrategies strategies) {
        HttpHeaders target = request.getHeaders();
        boolean userAgentDone = false;
        boolean requestIdDone = false;
        boolean acceptDone = false;
        for (Map.Entry<String, List<String>> header : given.headers().headerSet()) {
            String name = header.getKey();
            if (name.equals(HttpHeaders.USER_AGENT)) {
                target.putIfAbsent(name, List.of(userAgent));
                userAgentDone = true;
            } else if (name.equals(HerokuHeaders.REQUEST_ID)) {
                target.putIfAbsent(name, List.of(requestId));
                requestIdDone = true;
            } else if (name.equals(HttpHeaders.ACCEPT)) {
                target.putIfAbsent(name, List.of(accept));
                acceptDone = true;
            } else if (!isOurs(name)) {
                target.putIfAbsent(name, header.getValue());
            }
            // spelled otherwise ("user-agent"): a set() on a copy drops it and appends the new value, as below
        }
        if (!userAgentDone) {
            target.putIfAbsent(HttpHeaders.USER_AGENT, List.of(userAgent));
        }
        if (!requestIdDone) {
            target.putIfAbsent(HerokuHeaders.REQUEST_ID, List.of(requestId));
        }
        if (!acceptDone) {
            target.putIfAbsent(HttpHeaders.ACCEPT, List.of(accept));
        }
        if (authorization != null) {
            writeAuthorization(request);
        }
        return given.writeTo(request, strategies);
    }

    private void writeAuthorization(ClientHttpRequest request) {
        if (authorization != null) {
            request.getHeaders().put(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    private static boolean isOurs(String name) {
        return name.equalsIgnoreCase(HttpHeaders.USER_AGENT) || name.equalsIgnoreCase(HerokuHeaders.REQUEST_ID)
                || name.equalsIgnoreCase(HttpHeaders.ACCEPT) || name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION);
    }
}
