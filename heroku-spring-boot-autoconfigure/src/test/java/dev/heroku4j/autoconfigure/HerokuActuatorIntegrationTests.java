package dev.heroku4j.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.heroku4j.client.HerokuClient;

/**
 * The starter's promises seen from outside, through a running application with actuator: the key is masked in
 * {@code /actuator/env} and {@code /actuator/configprops} even with {@code show-values=always}, and appears in neither
 * health details nor logs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", // Spring MVC is on the test class path too
                WithoutSecurity.PROPERTY, // and Spring Security, for the webhook endpoint's tests
                "heroku.api-key=" + HerokuActuatorIntegrationTests.KEY,
                "management.endpoints.web.exposure.include=*",
                "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
                "management.endpoint.health.show-details=always", "logging.level.dev.heroku4j=trace",
                "logging.level.org.springframework.web=trace", "logging.level.reactor.netty=debug",
                "launcher.command=java -jar app.jar --heroku.api-key=" + HerokuActuatorIntegrationTests.KEY,
                "spring.application.json={\"heroku\":{\"api-key\":\"" + HerokuActuatorIntegrationTests.KEY + "\"}}" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class HerokuActuatorIntegrationTests {

    static final String KEY = "hrku-INTEGRATION-c0ffee42";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    @DynamicPropertySource
    static void herokuBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("heroku.base-url", api::baseUrl);
    }

    @Autowired
    private WebTestClient webTestClient;

    @Autowired
    private HerokuClient herokuClient;

    @Autowired
    private HerokuProperties properties;

    @BeforeEach
    void stubRateLimits() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withHeader("RateLimit-Remaining", "4400")
            .withBody("{\"remaining\": 4400}")));
    }

    @Test
    void envEndpoint_whenValuesAreShown_masksTheKey() {
        String body = getBody("/actuator/env");
        assertThat(body).doesNotContain(KEY).contains("heroku.api-key").contains("******");
        // values are shown in general, so the masking comes from the heroku sanitizing function
        assertThat(body).contains(api.baseUrl());
        String single = getBody("/actuator/env/heroku.api-key");
        assertThat(single).doesNotContain(KEY).contains("******");
    }

    @Test
    void envEndpoint_whenTheKeyIsInsideOtherValues_masksItByValue() {
        // what a real launch shows: the key on the command line and in SPRING_APPLICATION_JSON
        String previous = System.getProperty("sun.java.command");
        System.setProperty("sun.java.command", "app.jar --heroku.api-key=" + KEY + " --server.port=0");
        try {
            String body = getBody("/actuator/env");
            assertThat(body).doesNotContain(KEY)
                .contains("app.jar --heroku.api-key=****** --server.port=0")
                .contains("java -jar app.jar --heroku.api-key=******")
                .contains("{\\\"heroku\\\":{\\\"api-key\\\":\\\"******\\\"}}");
            assertThat(getBody("/actuator/env/sun.java.command")).doesNotContain(KEY).contains("--server.port=0");
        }
        finally {
            if (previous == null) {
                System.clearProperty("sun.java.command");
            }
            else {
                System.setProperty("sun.java.command", previous);
            }
        }
    }

    @Test
    void configpropsEndpoint_whenValuesAreShown_masksTheKey() {
        String body = getBody("/actuator/configprops/heroku");
        assertThat(body).doesNotContain(KEY).contains("\"apiKey\":\"******\"").contains(api.baseUrl());
    }

    @Test
    void healthEndpoint_whenHerokuAnswers_showsUpWithoutKey() {
        this.webTestClient.get()
            .uri("/actuator/health/heroku")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP")
            .jsonPath("$.details.remaining")
            .isEqualTo(4400)
            .jsonPath("$.details.baseUrl")
            .isEqualTo(api.baseUrl())
            .consumeWith((result) -> assertThat(new String(result.getResponseBodyContent())).doesNotContain(KEY));
    }

    @Test
    void logs_whenClientAndEndpointsAreUsed_neverContainTheKey(CapturedOutput output) {
        this.herokuClient.rateLimit().rateLimitInfo();
        getBody("/actuator/health");
        getBody("/actuator/env");
        getBody("/actuator/configprops");
        assertThat(output.getAll()).contains("/account/rate-limits").doesNotContain(KEY);
    }

    private String getBody(String uri) {
        byte[] body = this.webTestClient.get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBodyContent();
        return new String(body);
    }

    @Test
    void healthDown_onUnauthorized_detailsWithoutKey() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}")));
        String body = new String(this.webTestClient.get().uri("/actuator/health/heroku").exchange()
            .expectStatus().is5xxServerError().expectBody().returnResult().getResponseBodyContent());
        assertThat(body).contains("DOWN").contains("unauthorized").doesNotContain(KEY);
    }

    @Test
    void everyActuatorDocument_withValuesShown_neverContainsTheKey() {
        for (String uri : new String[] { "/actuator", "/actuator/env", "/actuator/configprops", "/actuator/beans",
                "/actuator/health", "/actuator/conditions", "/actuator/info", "/actuator/env/heroku.api-key",
                "/actuator/configprops/heroku" }) {
            byte[] body = this.webTestClient.get().uri(uri).exchange().expectBody().returnResult().getResponseBodyContent();
            assertThat(new String(body == null ? new byte[0] : body)).as(uri).doesNotContain(KEY);
        }
    }

    @Test
    void boundProperties_toString_hidesTheKey() {
        assertThat(this.properties.getApiKey()).isEqualTo(KEY);
        assertThat(this.properties.toString()).doesNotContain(KEY).contains("apiKey=******");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

    }

}
