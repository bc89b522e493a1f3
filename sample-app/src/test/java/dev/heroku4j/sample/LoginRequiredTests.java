package dev.heroku4j.sample;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample as a platform runs it: {@code PORT} given, so it listens on every interface and every request needs
 * the configured user (HTTP Basic); a state change needs the CSRF token as well. Without a configured password it
 * does not start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "PORT=0", "spring.security.user.name=operator", "spring.security.user.password=s3cret" })
@AutoConfigureRestTestClient
class LoginRequiredTests extends OnTheSimulator {

    @Autowired
    RestTestClient web;

    @Autowired
    Environment environment;

    @BeforeEach
    void demoData() {
        heroku.simulator().reset();
    }

    @Test
    void withPort_itListensOnEveryInterface() {
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void withoutCredentials_everythingIs401() {
        for (String path : List.of("/", "/apps", "/csrf", "/actuator/health", "/apps/demo-storefront/logs")) {
            web.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"heroku4j sample\"");
        }
        web.get().uri("/apps").headers(h -> h.setBasicAuth("operator", "wrong")).exchange()
            .expectStatus().isUnauthorized();
        assertThat(heroku.simulator().journal().entries()).isEmpty();
    }

    @Test
    void theConfiguredUser_readsAndTailsLogs() {
        web.get().uri("/apps").headers(this::login).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.length()").isEqualTo(3);
        String stream = web.get().uri("/apps/{name}/logs?lines=10", "demo-storefront").headers(this::login)
            .accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isOk()
            .returnResult(String.class).getResponseBody();
        assertThat(AppsEndpointTests.SentEvent.parse(stream)).last()
            .isEqualTo(new AppsEndpointTests.SentEvent("end", ""));
    }

    @Test
    void theConfiguredUser_stillNeedsTheCsrfToken() {
        web.post().uri("/apps/{name}/restart", "demo-storefront").headers(this::login).exchange()
            .expectStatus().isForbidden();

        EntityExchangeResult<String> csrf = web.get().uri("/csrf").headers(this::login).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult();
        String token = JsonMapper.builder().build().readTree(csrf.getResponseBody()).get("token").asString();
        String cookie = csrf.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        web.post().uri("/apps/{name}/restart", "demo-storefront").headers(this::login)
            .header(SampleSecurity.CSRF_HEADER, token)
            .header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
            .exchange()
            .expectStatus().isAccepted();
        assertThat(heroku.simulator().journal().count("DELETE", "/apps/demo-storefront/dynos")).isEqualTo(1);
    }

    @Test
    void withPortButNoPassword_startUpFailsNamingTheProperty() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class)
            .web(WebApplicationType.SERVLET)
            .run("--PORT=0", "--server.port=0", "--heroku.api-key=test-key", "--heroku.base-url=" + heroku.baseUrl(),
                    "--spring.security.user.password="))
            .rootCause()
            .hasMessageContaining("spring.security.user.password")
            .hasMessageContaining("SPRING_SECURITY_USER_PASSWORD");
    }

    private void login(HttpHeaders headers) {
        headers.setBasicAuth("operator", "s3cret");
    }

}
