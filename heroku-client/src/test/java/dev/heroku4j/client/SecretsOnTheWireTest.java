package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.http.Urls;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.LogCapture;

/** Issue 17: the key stays out of Spring's request-detail logging and out of error messages; URL user info is never shown. */
class SecretsOnTheWireTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String KEY = "hrku-ON-THE-WIRE-5ec7e7";

    private static HerokuClientBuilder<HerokuClient> client() {
        return HerokuClient.builder().apiKey(KEY).baseUrl(api.baseUrl()).retry(RetrySettings.DEFAULTS.withMaxRetries(0));
    }

    @Test
    void requestDetailsLogging_switchedOnInTheGivenBuilder_neverShowsTheKey() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"remaining\": 10}")));
        // what spring.http.codecs.log-request-details=true does to Boot's builder
        WebClient.Builder boots = WebClient.builder().codecs(c -> c.defaultCodecs().enableLoggingRequestDetails(true));

        try (LogCapture logs = LogCapture.of(Level.TRACE, "org.springframework.web.reactive.function.client",
                "org.springframework.http", "org.springframework.core.codec")) {
            client().webClientBuilder(() -> boots).build().rateLimit().rateLimitInfo();

            assertThat(logs.all()).contains("/account/rate-limits").doesNotContain(KEY);
        }
    }

    @Test
    void proxyErrorPage_echoingTheRequestHeaders_keepsTheKeyOutOfMessageAndExcerpt() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Bad gateway</h1><pre>GET /account/rate-limits\nAuthorization: Bearer " + KEY
                        + "\nUser-Agent: heroku4j</pre></body></html>")));

        assertThatThrownBy(() -> client().build().rateLimit().rateLimitInfo())
                .isInstanceOfSatisfying(HerokuApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.error().bodyExcerpt()).contains("Authorization: Bearer ******").doesNotContain(KEY);
                    assertThat(e.getMessage()).contains("Bad gateway").doesNotContain(KEY);
                });
    }

    @Test
    void herokuJsonMessage_quotingTheKey_isScrubbedToo() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials: " + KEY + "\"}")));

        assertThatThrownBy(() -> client().build().rateLimit().rateLimitInfo())
                .isInstanceOfSatisfying(HerokuApiException.class, e -> {
                    assertThat(e.herokuMessage()).isEqualTo("Invalid credentials: ******");
                    assertThat(e.getMessage()).doesNotContain(KEY);
                });
    }

    @Test
    void baseUrlUserInfo_neverShown_inToStringOrErrors() {
        HerokuClient client = HerokuClient.builder().apiKey(KEY).baseUrl("http://user:s3cret@127.0.0.1:9").build();

        assertThat(client.toString()).contains("http://***@127.0.0.1:9").doesNotContain("s3cret");
        assertThat(client.config().toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl("ftp://user:s3cret@host"))
                .hasMessageContaining("ftp://***@host").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl("http://user:s3cret@host/ bad"))
                .hasMessageNotContaining("s3cret");
        assertThat(Urls.withoutUserInfo("https://a:b@h:1/p?q=x@y")).isEqualTo("https://***@h:1/p?q=x@y");
        assertThat(Urls.withoutUserInfo("https://api.heroku.com")).isEqualTo("https://api.heroku.com");
    }

    @Test
    void baseUrl_withAPathOnApiHerokuCom_isRefusedOnPurpose_aPrefixElsewhereKept() {
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl("https://api.heroku.com/apps"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no path on api.heroku.com");
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl("https://gateway.example.com/heroku?x=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no query or fragment");
        assertThat(HerokuClient.builder().baseUrl("https://api.heroku.com/").config().baseUrl())
                .hasToString("https://api.heroku.com");
        assertThat(HerokuClient.builder().baseUrl("https://gateway.example.com/heroku").config().baseUrl())
                .hasToString("https://gateway.example.com/heroku");
    }
}
