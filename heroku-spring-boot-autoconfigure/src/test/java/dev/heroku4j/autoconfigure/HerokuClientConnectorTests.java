package dev.heroku4j.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import dev.heroku4j.client.HerokuClient;

/**
 * Which connector the auto-configured client gets: Boot's choice (its {@code ClientHttpConnectorBuilder}), so
 * Reactor Netty where it is (a WebFlux application) and the JDK's HttpClient where it is not (a Spring MVC one).
 */
class HerokuClientConnectorTests {

    private static final String KEY = "hrku-TEST-connector";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
                WebClientAutoConfiguration.class, HerokuClientAutoConfiguration.class))
        .withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl());

    @BeforeEach
    void stub() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"name\":\"example\"}")));
    }

    @Test
    void connector_withoutReactorNetty_isTheJdkOne_andCallsWork() {
        this.runner.withClassLoader(new FilteredClassLoader("reactor.netty", "io.netty")).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(apiConnector(context)).isInstanceOf(JdkClientHttpConnector.class);
            assertThat(streamConnector(context)).isInstanceOf(JdkClientHttpConnector.class);
            assertCallWorks(context);
        });
    }

    @Test
    void connector_withReactorNetty_isReactorNetty() {
        this.runner.run((context) -> {
            assertThat(apiConnector(context)).isInstanceOf(ReactorClientHttpConnector.class);
            assertCallWorks(context);
        });
    }

    @Test
    void connector_whenBootIsToldWhichOne_honoursBootsChoice() {
        this.runner.withPropertyValues("spring.http.clients.reactive.connector=jdk").run((context) -> {
            assertThat(apiConnector(context)).isInstanceOf(JdkClientHttpConnector.class);
            assertCallWorks(context);
        });
    }

    private static ClientHttpConnector apiConnector(AssertableApplicationContext context) {
        return context.getBean(HerokuClient.class).config().connector().get();
    }

    private static ClientHttpConnector streamConnector(AssertableApplicationContext context) {
        return context.getBean(HerokuClient.class).config().streamConnector().get();
    }

    private static void assertCallWorks(AssertableApplicationContext context) {
        assertThat(context.getBean(HerokuClient.class).app().appInfo("example").getName()).isEqualTo("example");
        api.verify(getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }
}
