package dev.heroku4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.http.HerokuRequestHeaders;
import dev.heroku4j.client.ratelimit.RateLimitTracker;

/**
 * The engine's request without a copy sends the same header lines, in the same order, as the copy of the request
 * the engine used to make ({@code ClientRequest.from(..)} with {@code set(..)} of each header and the key): read off
 * the wire by a loopback socket.
 */
class AttemptRequestTest {

    private ServerSocket server;
    private String baseUrl;

    @BeforeEach
    void listen() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        baseUrl = "http://127.0.0.1:" + server.getLocalPort();
    }

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    /** The request head's header lines as sent, answered with an empty 200. */
    private List<String> headerLines(WebClient.RequestHeadersSpec<?> request) throws Exception {
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                List<String> head = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    head.add(line);
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                // without the request line; each attempt's Request-Id is its own, so only its place is compared
                return head.subList(1, head.size()).stream()
                        .map(line -> line.startsWith("Request-Id: ") ? "Request-Id: (fresh)" : line).toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        request.retrieve().toBodilessEntity().block();
        return lines.get();
    }

    private WebClient engine() {
        return WebClient.builder().filter(new HerokuExchangeFilter(
                new HerokuRequestHeaders("heroku4j/test", "3"),
                new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(baseUrl)), new RateLimitTracker())).build();
    }

    /** What the engine did before, one copy of the request with every header set in it. */
    private WebClient copying() {
        ExchangeFilterFunction copy = (request, next) -> next.exchange(ClientRequest.from(request).headers(h -> {
            h.set(HttpHeaders.USER_AGENT, "heroku4j/test");
            h.set("Request-Id", java.util.UUID.randomUUID().toString());
            h.set(HttpHeaders.ACCEPT, "application/vnd.heroku+json; version=3");
            h.setBearerAuth("the-key");
        }).build());
        return WebClient.builder().filter(copy).build();
    }

    /** A POST with a body, an Accept, a User-Agent spelled otherwise (a copy's set() drops it, appends the new one). */
    private List<String> send(WebClient client) throws Exception {
        return headerLines(client.post().uri(baseUrl + "/apps/{app}/config-vars", Map.of("app", "a"))
                .header(HttpHeaders.ACCEPT, "application/vnd.heroku+json; version=3")
                .header("user-agent", "someone/else")
                .header("Range", "id ..; max=10")
                .header("X-Custom", "1", "2")
                .bodyValue(Map.of("KEY", "value")));
    }

    @Test
    void writeTo_sendsTheHeadersACopyWouldSend_inItsOrder() throws Exception {
        List<String> sent = send(engine());
        List<String> copied = send(copying());

        assertThat(sent).isEqualTo(copied)
                .contains("Authorization: Bearer the-key", "Request-Id: (fresh)", "User-Agent: heroku4j/test",
                        "Accept: application/vnd.heroku+json; version=3", "Range: id ..; max=10")
                .doesNotContain("user-agent: someone/else");
    }
}
