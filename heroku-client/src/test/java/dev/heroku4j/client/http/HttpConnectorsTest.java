package dev.heroku4j.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.App;

/** The default connectors: Reactor Netty when present, else the JDK's HttpClient with the same settings. */
class HttpConnectorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final HttpTimeouts SHORT = new HttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));

    @Test
    void reactorNettyPresent_whenOnTheClasspath_isTrue_andTheDefaultsUseIt() {
        assertThat(HttpConnectors.reactorNettyPresent()).isTrue();
        assertThat(HttpConnectors.api(HttpTimeouts.DEFAULTS)).isInstanceOf(ReactorClientHttpConnector.class);
        assertThat(HttpConnectors.streams(HttpTimeouts.DEFAULTS)).isInstanceOf(ReactorClientHttpConnector.class);
    }

    @Test
    void reactorNettyPresent_whenTheClassLoaderCannotSeeIt_isFalse() {
        ClassLoader withoutNetty = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("reactor.netty.") || name.startsWith("io.netty.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        assertThat(HttpConnectors.reactorNettyPresent(withoutNetty)).isFalse();
    }

    @Test
    void api_withoutReactorNetty_callsOverTheJdkClient() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"example\"}")));
        ClientHttpConnector connector = HttpConnectors.api(HttpTimeouts.DEFAULTS, false);
        assertThat(connector).isInstanceOf(JdkClientHttpConnector.class);

        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).clientConnector(connector).build();
        App app = client.app().appInfo("example");

        assertThat(app.getName()).isEqualTo("example");
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/apps/example"))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer k");
    }

    @Test
    void api_withoutReactorNetty_failsWhenTheServerIsSlowerThanTheResponseTimeout() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        WebClient client = WebClient.builder().clientConnector(HttpConnectors.api(SHORT, false)).build();

        assertThatThrownBy(() -> client.get().uri(api.baseUrl() + "/slow").retrieve().toBodilessEntity().block())
                .isInstanceOf(WebClientRequestException.class)
                .hasRootCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void streams_withoutReactorNetty_haveNoResponseTimeout() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(800).withBody("line")));
        WebClient client = WebClient.builder().clientConnector(HttpConnectors.streams(SHORT, false)).build();

        assertThat(client.get().uri(api.baseUrl() + "/stream").retrieve().bodyToMono(String.class).block())
                .isEqualTo("line");
    }

    @Test
    void api_withoutReactorNetty_followsNoRedirect() {
        api.stubFor(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", api.baseUrl() + "/elsewhere")));
        WebClient client = WebClient.builder().clientConnector(HttpConnectors.api(HttpTimeouts.DEFAULTS, false)).build();

        HttpStatus status = (HttpStatus) client.get().uri(api.baseUrl() + "/moved").retrieve()
                .onStatus(s -> true, r -> reactor.core.publisher.Mono.empty()).toBodilessEntity().block().getStatusCode();

        assertThat(status).isEqualTo(HttpStatus.FOUND);
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/elsewhere")))).isEmpty();
        assertThat(HttpConnectors.jdkHttpClient(HttpTimeouts.DEFAULTS).followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(HttpConnectors.jdkHttpClient(SHORT).connectTimeout()).contains(Duration.ofSeconds(1));
    }
}
