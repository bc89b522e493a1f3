package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.heroku4j.client.error.HerokuDecodingException;
import dev.heroku4j.client.error.HerokuTimeoutException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppUpdateOpts;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.Ports;
import dev.heroku4j.client.testsupport.Side;

/** How calls fail: each failure a caller can see, on both clients where both can see it. */
class CallFailureTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
            .retry(RetrySettings.disabled()).build();

    private static App appInfo(Side side, HerokuClient client, String app) {
        return side.call(client, h -> h.app().appInfo(app), r -> r.app().appInfo(app));
    }

    private static void answer(int status, String contentType, String body) {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withBody(body)));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void successBodyThatIsNotJson_isAHerokuDecodingException(Side side) {
        answer(200, "application/json", "{\"name\": \"exam");

        assertThatThrownBy(() -> appInfo(side, heroku, "example"))
                .isInstanceOfSatisfying(HerokuDecodingException.class, e -> {
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.pathTemplate()).isEqualTo("/apps/{app_id_or_name}");
                    assertThat(e).hasMessageStartingWith("GET /apps/{app_id_or_name} answered with a body that could not be read");
                });
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void successBodyOfTheWrongShape_isAHerokuDecodingException(Side side) {
        answer(200, "application/json", "{\"name\": {\"not\": \"a string\"}, \"maintenance\": \"perhaps\"}");

        assertThatThrownBy(() -> appInfo(side, heroku, "example")).isInstanceOf(HerokuDecodingException.class);
        answer(200, "application/json", "[{\"name\": \"an array where an object belongs\"}]");
        assertThatThrownBy(() -> appInfo(side, heroku, "example")).isInstanceOf(HerokuDecodingException.class);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void listPageThatIsNotJson_isAHerokuDecodingException(Side side) {
        answer(200, "application/json", "[{\"name\": ");

        assertThatThrownBy(() -> side.call(heroku, h -> h.app().appList().toList(), r -> r.app().appList().collectList()))
                .isInstanceOf(HerokuDecodingException.class);
    }

    /** A proxy or captive portal answering 200 with a web page is no Heroku answer either. */
    @ParameterizedTest
    @EnumSource(Side.class)
    void successBodyThatIsAWebPage_isAHerokuDecodingException(Side side) {
        answer(200, "text/html", "<html><body>Please log in to the hotel Wi-Fi</body></html>");

        assertThatThrownBy(() -> appInfo(side, heroku, "example")).isInstanceOf(HerokuDecodingException.class);
    }
    @ParameterizedTest
    @EnumSource(Side.class)
    void successBodyLargerThanMaxInMemorySize_isAHerokuDecodingException(Side side) {
        HerokuClient small = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).maxInMemorySize(1024)
                .retry(RetrySettings.disabled()).build();
        answer(200, "application/json", "{\"name\": \"" + "x".repeat(10_000) + "\"}");

        assertThatThrownBy(() -> appInfo(side, small, "example")).isInstanceOf(HerokuDecodingException.class);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void nullIdentity_isANullPointerExceptionNamingTheParameter_andNothingIsSent(Side side) {
        answer(200, "application/json", "{}");

        assertThatThrownBy(() -> appInfo(side, heroku, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("appIdOrName");
        assertThatThrownBy(() -> side.call(heroku, h -> h.build().buildInfo("example", (String) null),
                r -> r.build().buildInfo("example", (String) null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("buildId");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void blankIdentity_isAnIllegalArgumentExceptionNamingTheParameter_andNothingIsSent(Side side) {
        answer(200, "application/json", "{}");

        for (String blank : List.of("", " ", "\t\n")) {
            assertThatThrownBy(() -> appInfo(side, heroku, blank))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appIdOrName");
        }
        assertThatThrownBy(() -> side.call(heroku, h -> h.dyno().dynoInfo(" ", "web.1"), r -> r.dyno().dynoInfo(" ", "web.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appIdOrName");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void reactiveMethods_checkTheirArgumentsAtOnce_beforeSubscription() {
        ReactiveHerokuClient reactive = heroku.reactive();

        assertThatThrownBy(() -> reactive.app().appInfo((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> reactive.app().appUpdate(" ", new AppUpdateOpts())).isInstanceOf(IllegalArgumentException.class);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void blockingCallOnANonBlockingThread_isRefused_pointingToTheReactiveClient() {
        answer(200, "application/json", "{\"name\": \"example\"}");

        assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1)).publishOn(Schedulers.parallel())
                .map(x -> heroku.app().appInfo("example")).block(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ReactiveHerokuClient");
        assertThatThrownBy(() -> Mono.fromCallable(() -> heroku.app().appList().toList())
                .subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ReactiveHerokuClient");
        assertThatThrownBy(() -> Mono.fromCallable(() -> heroku.app().appList().iterator().hasNext())
                .subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ReactiveHerokuClient");
        assertThat(api.getAllServeEvents()).isEmpty();
        // the reactive client is the way there
        assertThat(Mono.delay(Duration.ofMillis(1)).publishOn(Schedulers.parallel())
                .flatMap(x -> heroku.reactive().app().appInfo("example")).block(Duration.ofSeconds(10)).getName())
                .isEqualTo("example");
    }

    @Test
    void blockingCall_slowerThanTheCallTimeout_isAHerokuTimeoutException() {
        api.stubFor(get(urlPathEqualTo("/apps/slow")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}").withFixedDelay(5_000)));
        HerokuClient impatient = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .callTimeout(Duration.ofMillis(300)).build(); // default retries: the timeout bounds them too

        assertThatThrownBy(() -> impatient.app().appInfo("slow"))
                .isInstanceOfSatisfying(HerokuTimeoutException.class,
                        e -> assertThat(e.callTimeout()).isEqualTo(Duration.ofMillis(300)));
    }

    private static HerokuClient slowListing() {
        api.stubFor(get(urlPathEqualTo("/apps")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]").withFixedDelay(5_000)));
        return HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).callTimeout(Duration.ofMillis(300)).build();
    }

    @Test
    void blockingListCalls_slowerThanTheCallTimeout_areAHerokuTimeoutException() {
        HerokuClient impatient = slowListing();

        assertThatThrownBy(() -> impatient.app().appList().toList()).isInstanceOf(HerokuTimeoutException.class);
        assertThatThrownBy(() -> impatient.app().appList().page()).isInstanceOf(HerokuTimeoutException.class);
        assertThatThrownBy(() -> impatient.app().appList().first()).isInstanceOf(HerokuTimeoutException.class);
    }
    @Test
    void blockingListIteration_slowerThanTheCallTimeout_isAHerokuTimeoutException() {
        HerokuClient impatient = slowListing();

        assertThatThrownBy(() -> impatient.app().appList().iterator().hasNext()).isInstanceOf(HerokuTimeoutException.class);
        assertThatThrownBy(() -> {
            try (var apps = impatient.app().appList().stream()) {
                apps.findFirst();
            }
        }).isInstanceOf(HerokuTimeoutException.class);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void noAnswerAtAll_isAHerokuTransportException(Side side) {
        HerokuClient nowhere = HerokuClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + Ports.closedPort())
                .retry(RetrySettings.disabled()).build();

        assertThatThrownBy(() -> appInfo(side, nowhere, "example"))
                .isInstanceOfSatisfying(HerokuTransportException.class, e -> {
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.pathTemplate()).isEqualTo("/apps/{app_id_or_name}");
                });
    }
}
