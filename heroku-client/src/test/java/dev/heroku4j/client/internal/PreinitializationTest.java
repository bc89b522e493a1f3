package dev.heroku4j.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpResponse;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class PreinitializationTest {

    @Test
    void dryRun_decodesOneAppAndOnePage_throughBothClients() {
        // The dry run's base URL is under .invalid, which never resolves (RFC 6761): had either call tried the
        // network instead of the in-memory connector, it would have failed rather than returned these names.
        assertThat(Preinitialization.run()).containsExactly("preinitialization", "preinitialization");
    }

    @Test
    void runOnce_runsTheDryRunOncePerJvm() {
        Preinitialization.runOnce();                       // whether this call or an earlier test's ran it
        assertThat(Preinitialization.runOnce()).isFalse();
    }

    @Test
    void cannedConnector_answersAnObjectForAnIdentityAndAPageForACollection() {
        CannedConnector connector = new CannedConnector("{\"name\":\"x\"}");
        assertThat(body(connector, HttpMethod.GET, "https://h.invalid/apps/x")).isEqualTo("{\"name\":\"x\"}");
        assertThat(body(connector, HttpMethod.GET, "https://h.invalid/apps")).isEqualTo("[{\"name\":\"x\"}]");
        assertThat(body(connector, HttpMethod.GET, "https://h.invalid/apps/x/config-vars")).isEqualTo("[{\"name\":\"x\"}]");
    }

    @Test
    void cannedConnector_consumesARequestBody() {
        CannedConnector connector = new CannedConnector("{}");
        ClientHttpResponse response = connector.connect(HttpMethod.PATCH, URI.create("https://h.invalid/apps/x"),
                (request) -> request.writeWith(Mono.just(DefaultDataBufferFactory.sharedInstance
                        .wrap("{\"a\":1}".getBytes(StandardCharsets.UTF_8))))).block();
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).hasToString("application/json");
    }

    private static String body(CannedConnector connector, HttpMethod method, String uri) {
        ClientHttpResponse response = connector.connect(method, URI.create(uri), (request) -> request.setComplete()).block();
        return DataBufferUtils.join(response.getBody()).map((buffer) -> buffer.toString(StandardCharsets.UTF_8)).block();
    }
}
