package dev.heroku4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.reliability.support.RawServer;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.UriUtils;

/**
 * Identities and ranges a caller should not be able to turn into a request for another path: either refused before
 * anything is sent ({@code IllegalArgumentException}), or percent-encoded into exactly one path segment, checked
 * against the raw request line a loopback socket server received (WireMock for bodies and headers).
 */
@Timeout(30)
class HostileInputTests {

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    /** Records the raw request line (WireMock's Jetty refuses some encoded paths itself, e.g. {@code ..%2F..%2F}). */
    static RawServer raw;
    HerokuClient heroku;
    HerokuClient rawClient;

    @BeforeAll
    static void startRaw() {
        raw = new RawServer((head, out, socket) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json"
                + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
    }

    @AfterAll
    static void stopRaw() {
        raw.close();
    }

    @BeforeEach
    void client() {
        stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        heroku = Clients.fast(stub.baseUrl());
        rawClient = Clients.fast(raw.baseUrl());
    }

    @Test
    void nullIdentity_isRefusedByTheGeneratedCode_beforeAnyRequest() {
        int before = raw.heads().size();
        Throwable e = catchThrowable(() -> rawClient.app().appInfo((String) null));
        Throwable reactive = catchThrowable(() -> rawClient.reactive().app().appInfo((String) null));

        // the generated code's own check, thrown at the call (the reactive one too, not in the Mono), no request
        assertThat(List.of(e, reactive)).allSatisfy(thrown -> assertThat(thrown)
                .isInstanceOf(NullPointerException.class).hasMessage("appIdOrName must not be null"));
        assertThat(raw.heads()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".", "..", "%2e", "%2E%2E", "%2e." })
    void emptyOrDotIdentities_areIllegalArguments_andNothingIsSent(String identity) {
        // "", "." and ".." are refused by the generated code; "%2e" given by the caller is encoded to %252e and is
        // therefore harmless (PathSafetyFilter decodes once)
        String sentAs = stubPathFor(identity);
        if (sentAs == null) {
            return; // refused: checked in stubPathFor
        }
        assertThat(identity).startsWith("%");
        assertThat(sentAs).isEqualTo("/apps/" + identity.replace("%", "%25"));
    }

    /**
     * Identity and how it is sent: everything but letters, digits and {@code - . _ *} percent-encoded, sub-delimiters
     * such as {@code ;} and {@code =} included, so no server can read path parameters into an identity.
     */
    static Object[][] encodings() {
        return new Object[][] {
            { "a/b", "a%2Fb" },
            { "../account", "..%2Faccount" },
            { "../../account/keys", "..%2F..%2Faccount%2Fkeys" },
            { "%2F", "%252F" },
            { "%2e%2e%2faccount", "%252e%252e%252faccount" },
            { "a b", "a%20b" },
            { "a?b=c#d", "a%3Fb%3Dc%23d" },
            { "a;b", "a%3Bb" },
            { "a\\b", "a%5Cb" },
            { "app\r\nX-Evil: 1", "app%0D%0AX-Evil%3A%201" },
            { "ünïcødé-☃", "%C3%BCn%C3%AFc%C3%B8d%C3%A9-%E2%98%83" },
            { "a%00b", "a%2500b" },
        };
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void reservedAndUnicodeCharacters_areEncodedIntoExactlyOneSegment(String identity, String encoded) {
        String path = stubPathFor(identity);
        assertThat(path).isEqualTo("/apps/" + encoded);
        // one segment, which decodes back to exactly the identity
        assertThat(UriUtils.decode(path.substring("/apps/".length()), StandardCharsets.UTF_8)).isEqualTo(identity);
        assertThat(raw.heads().get(raw.heads().size() - 1)).doesNotContainIgnoringCase("\r\nX-Evil");
    }

    @Test
    void blankIdentity_ofSpaces_isRefusedBeforeAnythingIsSent() {
        int before = raw.heads().size();
        for (String blank : List.of(" ", "   ", "\t")) {
            assertThatThrownBy(() -> rawClient.app().appInfo(blank))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("appIdOrName must not be blank");
        }
        assertThat(raw.heads()).hasSize(before);
    }

    @Test
    void identityInANestedPath_staysInItsSegment() {
        int before = raw.heads().size();
        rawClient.configVar().configVarInfoForApp("../../account");
        assertThat(raw.heads()).hasSize(before + 1);
        assertThat(raw.heads().get(before)).startsWith("GET /apps/..%2F..%2Faccount/config-vars HTTP/1.1\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE })
    void rangeMaxOutOfRange_isIllegalArgument(int max) {
        assertThatThrownBy(() -> Range.by("id").withMax(max)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..1000");
    }

    @Test
    void rangeBounds_1and1000_areAccepted() {
        assertThat(Range.by("id").withMax(1).toHeaderValue()).contains("max=1");
        assertThat(Range.by("id").withMax(1000).toHeaderValue()).contains("max=1000");
    }

    @Test
    void blankRangeField_isIllegalArgument() {
        assertThatThrownBy(() -> Range.by("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.by(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.by(null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void twoFactorCode_withHeaderInjection_neverReachesTheServerAsAHeader() {
        Throwable e = catchThrowable(() -> heroku.withTwoFactorCode("123456\r\nX-Evil: 1").app().appInfo("a"));
        // Either refused (Netty validates header values) or sent as one value: never as a second header.
        stub.getAllServeEvents().forEach(ev -> assertThat(ev.getRequest().getHeader("X-Evil")).isNull());
        assertThat(e == null || e instanceof IllegalArgumentException || e.getCause() instanceof IllegalArgumentException
                || e instanceof RuntimeException).isTrue();
        assertThatThrownBy(() -> heroku.withTwoFactorCode(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configVarKeys_areBodyData_neverPathOrHeaders() {
        heroku.configVar().configVarUpdate("app", Map.of("../../X\r\nEvil", "v"));
        assertThat(stub.getAllServeEvents()).singleElement().satisfies(e -> {
            assertThat(e.getRequest().getUrl()).isEqualTo("/apps/app/config-vars");
            assertThat(e.getRequest().getHeader("Evil")).isNull();
            assertThat(e.getRequest().getBodyAsString()).isEqualTo("{\"../../X\\r\\nEvil\":\"v\"}");
        });
    }

    /** The raw path the stub received for {@code appInfo(identity)}, or null when refused (then nothing was sent). */
    private String stubPathFor(String identity) {
        int before = raw.heads().size();
        Throwable e = catchThrowable(() -> rawClient.app().appInfo(identity));
        if (e != null) {
            assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("appIdOrName must not be");
            assertThat(raw.heads()).as("nothing sent").hasSize(before);
            return null;
        }
        assertThat(raw.heads()).hasSize(before + 1);
        String requestLine = raw.heads().get(before).lines().findFirst().orElseThrow();
        assertThat(requestLine).startsWith("GET ").endsWith(" HTTP/1.1");
        return requestLine.substring(4, requestLine.length() - " HTTP/1.1".length());
    }
}
