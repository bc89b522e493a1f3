package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.heroku4j.client.webhook.WebhookVerifier;

/**
 * The webhook endpoint of a WebFlux application, ahead of every web filter that might read the body (inside Spring
 * Security's chains, just before authorization): it reads the body itself, at most the configured size, and answers without a body, so nothing else
 * reads an unverified delivery. Listeners run on Reactor's bounded-elastic scheduler, never on the event loop, so
 * they may block. A request to the path with another method gets 405.
 */
public final class HerokuWebhookWebFilter implements WebFilter, Ordered {

    private final String path;

    private final HerokuWebhookReceiver receiver;

    public HerokuWebhookWebFilter(String path, HerokuWebhookReceiver receiver) {
        this.path = path;
        this.receiver = receiver;
    }

    @Override
    public int getOrder() {
        return HerokuWebhooksAutoConfiguration.FILTER_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!this.path.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        if (!"POST".equals(request.getMethod().name())) {
            response.getHeaders().set(HttpHeaders.ALLOW, "POST");
            return answer(response, HttpStatus.METHOD_NOT_ALLOWED.value());
        }
        int max = this.receiver.maxBodyBytes();
        long length = request.getHeaders().getContentLength();
        if (length > max) {
            return answer(response, this.receiver.refuse(413, "Content-Length " + length + " is larger than the "
                    + max + " bytes accepted"));
        }
        HttpHeaders headers = request.getHeaders();
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        String signature = headers.getFirst(WebhookVerifier.SIGNATURE_HEADER);
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return DataBufferUtils.join(request.getBody(), max)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .map(body -> this.receiver.receive(body, contentType, signature, authorization))
                .onErrorResume(DataBufferLimitException.class, ex -> Mono.just(this.receiver.refuse(413,
                        "the body is larger than the " + max + " bytes accepted")))
                .flatMap(status -> answer(response, status));
    }

    private static Mono<Void> answer(ServerHttpResponse response, int status) {
        response.setStatusCode(HttpStatusCode.valueOf(status));
        return response.setComplete();
    }
}
