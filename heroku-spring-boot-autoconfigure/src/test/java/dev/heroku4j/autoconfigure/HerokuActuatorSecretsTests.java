package dev.heroku4j.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What {@link HerokuActuatorIntegrationTests} does not cover: health details when Heroku answers 401 (the key is
 * wrong, so the check fails while holding it), the whole {@code /actuator/configprops} and {@code /actuator/env}
 * documents, and {@code HerokuProperties.toString()} of the bound bean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "heroku.api-key=" + HerokuActuatorSecretsTests.KEY,
                "management.endpoints.web.exposure.include=*",
                "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
                "management.endpoint.health.show-details=always" })
@AutoConfigureWebTestClient
class HerokuActuatorSecretsTests {

    static final String KEY = "hrku-SECRET-9f8e7d";

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
    private HerokuProperties properties;

    @Test
    void healthDown_onUnauthorized_detailsWithoutKey() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}")));
        String body = new String(this.webTestClient.get().uri("/actuator/health/heroku").exchange()
            .expectStatus().is5xxServerError().expectBody().returnResult().getResponseBodyContent());
        assertThat(body).contains("DOWN").contains("unauthorized").doesNotContain("9f8e7d");
    }

    @Test
    void everyActuatorDocument_withValuesShown_neverContainsTheKey() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"remaining\": 10}")));
        for (String uri : new String[] { "/actuator", "/actuator/env", "/actuator/configprops", "/actuator/beans",
                "/actuator/health", "/actuator/conditions", "/actuator/info", "/actuator/env/heroku.api-key",
                "/actuator/configprops/heroku" }) {
            byte[] body = this.webTestClient.get().uri(uri).exchange().expectBody().returnResult().getResponseBodyContent();
            assertThat(new String(body == null ? new byte[0] : body)).as(uri).doesNotContain("9f8e7d");
        }
    }

    @Test
    void boundProperties_toString_hidesTheKey() {
        assertThat(this.properties.getApiKey()).isEqualTo(KEY);
        assertThat(this.properties.toString()).doesNotContain("9f8e7d").contains("apiKey=******");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

    }

}
