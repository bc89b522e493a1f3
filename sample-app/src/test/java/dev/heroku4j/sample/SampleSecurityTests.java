package dev.heroku4j.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample as it runs on a laptop (no {@code PORT}): on 127.0.0.1 only, no login, but no state change without the
 * CSRF token, no host name but loopback's, and the framing and sniffing headers on every answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(SampleSecurityTests.Webhook.class)
class SampleSecurityTests extends OnTheSimulator {

    @Autowired
    RestTestClient web;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @BeforeEach
    void demoData() {
        heroku.simulator().reset();
    }

    // ---------------------------------------------------------------- CSRF

    @Test
    void aCrossOriginFormPost_cannotRestartDynos() {
        crossOriginForm("/apps/demo-storefront/restart", "");

        assertThat(heroku.simulator().journal().entries()).as("calls to Heroku").isEmpty();
    }

    @Test
    void aCrossOriginFormPost_cannotScale() {
        crossOriginForm("/apps/demo-storefront/scale", "type=web&quantity=9");

        assertThat(heroku.simulator().journal().entries()).as("calls to Heroku").isEmpty();
    }

    /** Cookies ignore ports: a page on another localhost port can plant XSRF-TOKEN, and post a matching field. */
    @Test
    void aFormFieldMatchingAPlantedCookie_isNoToken() {
        web.post().uri("/apps/{name}/restart", "demo-storefront")
            .header(HttpHeaders.ORIGIN, "http://localhost:3000")
            .cookie("XSRF-TOKEN", "planted")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body("_csrf=planted")
            .exchange()
            .expectStatus().isForbidden();

        assertThat(heroku.simulator().journal().entries()).isEmpty();
    }

    @Test
    void theTokenOfGetCsrf_withItsCookie_letsTheRestartThrough() {
        EntityExchangeResult<String> csrf = web.get().uri("/csrf").exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult();
        String token = JsonMapper.builder().build().readTree(csrf.getResponseBody()).get("token").asString();
        String cookie = csrf.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
            .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");

        web.post().uri("/apps/{name}/restart", "demo-storefront")
            .header(SampleSecurity.CSRF_HEADER, token)
            .header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
            .exchange()
            .expectStatus().isAccepted();

        assertThat(heroku.simulator().journal().count("DELETE", "/apps/demo-storefront/dynos")).isEqualTo(1);
    }

    @Test
    void aHeaderTokenThatIsNotTheCookies_isRefused() {
        web.post().uri("/apps/{name}/restart", "demo-storefront")
            .header(SampleSecurity.CSRF_HEADER, "guessed")
            .cookie("XSRF-TOKEN", "the-real-one")
            .exchange()
            .expectStatus().isForbidden();
    }

    /** The one path a CsrfExemption bean names takes posts without a token; nothing beside or under it does. */
    @Test
    void aCsrfExemption_coversItsOwnPathOnly() {
        web.post().uri("/test/hook").exchange().expectStatus().isOk();
        web.post().uri("/test/hook/more").exchange().expectStatus().isForbidden();
        web.post().uri("/apps/{name}/restart", "demo-storefront").exchange().expectStatus().isForbidden();
        assertThatIllegalArgumentException().isThrownBy(() -> new CsrfExemption(HttpMethod.POST, "/test/**", "all"))
            .withMessageContaining("one literal path");
    }

    // ---------------------------------------------------------------- headers

    @Test
    void everyAnswer_forbidsFramingAndSniffing() {
        for (String path : List.of("/", "/apps", "/app.js")) {
            web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", SampleSecurity.CONTENT_SECURITY_POLICY);
        }
        assertThat(SampleSecurity.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'");
    }

    // ---------------------------------------------------------------- loopback

    @Test
    void withoutPort_itListensOnLoopbackOnlyAndNeedsNoLogin() throws IOException {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        web.get().uri("/apps").exchange().expectStatus().isOk();

        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (Socket socket = new Socket()) {
            assertThatExceptionOfType(ConnectException.class)
                .isThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 5000));
        }
    }

    /** DNS rebinding: a page whose own host name now points at 127.0.0.1 is same-origin, so CSRF does not stop it. */
    @Test
    void aHostNameThatIsNotLoopbacks_isRefused() throws IOException {
        assertThat(statusLine("GET /apps HTTP/1.1", "evil.example:" + port)).contains(" 400");
        assertThat(statusLine("GET /apps HTTP/1.1", "localhost:" + port)).contains(" 200");
        assertThat(statusLine("GET /apps HTTP/1.1", "127.0.0.1:" + port)).contains(" 200");
        assertThat(heroku.simulator().journal().count("GET", "/apps")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    private void crossOriginForm(String path, String form) {
        web.post().uri(path)
            .header(HttpHeaders.ORIGIN, "http://evil.example")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail").isEqualTo("Missing or wrong CSRF token: send the token of GET /csrf in the "
                    + "X-XSRF-TOKEN header, with the XSRF-TOKEN cookie that came with it")
            .jsonPath("$.instance").isEqualTo(path);
    }

    /** A raw request, so the Host header is exactly the one given. */
    private String statusLine(String requestLine, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.lines().findFirst().orElse("");
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
            .findFirst();
    }

    /** Stands in for issue 12's webhook: authenticated by its own means, so exempt from CSRF for itself only. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class Webhook {

        @Bean
        CsrfExemption testHookExemption() {
            return new CsrfExemption(HttpMethod.POST, "/test/hook", "a test stand-in for a signed webhook");
        }

        @PostMapping("/test/hook")
        Map<String, String> hook() {
            return Map.of("received", "yes");
        }

        @PostMapping("/test/hook/more")
        Map<String, String> more() {
            return Map.of("received", "yes");
        }

    }

}
