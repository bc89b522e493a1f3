package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.api.DynoApi;
import dev.heroku4j.client.api.ReactiveDynoApi;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.Side;

/** {@code withResponse} on both clients, and an operation that answers without a body. */
class WithResponseTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
            .retry(RetrySettings.disabled()).build();

    /** The call went out once, after the one free probe the rate-limit throttle (on by default) sends first. */
    private static void sentOnceAfterTheProbe() {
        api.verify(1, getRequestedFor(urlEqualTo("/account/rate-limits")));
        api.verify(2, anyRequestedFor(anyUrl()));
    }

    private static void stubApp() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req-42")
                .withHeader("RateLimit-Remaining", "2399").withBody("{\"name\": \"example\"}")));
    }

    @Test
    void blocking_givesStatusHeadersAndBody() {
        stubApp();

        HerokuResponse<App> response = heroku.withResponse(h -> h.app().appInfo("example"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.requestId()).isEqualTo("req-42");
        assertThat(response.rateLimitRemaining()).hasValue(2399);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.headerMap()).containsKey("Request-Id");
        assertThat(response.nextRange()).isNull();
        assertThat(response.body().getName()).isEqualTo("example");
        sentOnceAfterTheProbe();
    }

    @Test
    void reactive_givesStatusHeadersAndBody_onlyWhenSubscribed() {
        stubApp();

        Mono<HerokuResponse<App>> call = heroku.reactive().withResponse(h -> h.app().appInfo("example"));
        assertThat(api.getAllServeEvents()).isEmpty();
        HerokuResponse<App> response = call.block();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.requestId()).isEqualTo("req-42");
        assertThat(response.rateLimitRemaining()).hasValue(2399);
        assertThat(response.body().getName()).isEqualTo("example");
        sentOnceAfterTheProbe();
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void list_givesTheLastPagesResponse_withTheItems(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ..; max=1")).willReturn(aResponse()
                .withStatus(206).withHeader("Content-Type", "application/json").withHeader("Request-Id", "page-1")
                .withHeader("Next-Range", "name ]a..; max=1").withBody("[{\"name\": \"a\"}]")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ]a..; max=1")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withHeader("Request-Id", "page-2")
                .withBody("[{\"name\": \"b\"}]")));
        Range range = Range.by("name").withMax(1);

        HerokuResponse<List<App>> response = side.call(heroku,
                h -> h.withResponse(c -> c.app().appList(range).toList()),
                r -> r.withResponse(c -> c.app().appList(range).collectList()));
        HerokuResponse<?> firstPage = side.call(heroku,
                h -> h.withResponse(c -> c.app().appList(range).page()),
                r -> r.withResponse(c -> c.app().appList(range).page()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.requestId()).isEqualTo("page-2");
        assertThat(response.body()).extracting(App::getName).containsExactly("a", "b");
        assertThat(firstPage.status()).isEqualTo(206);
        assertThat(firstPage.nextRange()).isEqualTo("name ]a..; max=1");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void failedCall_throwsTheCallsException(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"not_found\", \"message\": \"no\"}")));

        assertThatThrownBy(() -> side.call(heroku, h -> h.withResponse(c -> c.app().appInfo("missing")),
                r -> r.withResponse(c -> c.app().appInfo("missing"))))
                .isInstanceOf(HerokuNotFoundException.class);
    }

    @Test
    void functionThatMakesNoCall_isRefused() {
        assertThatThrownBy(() -> heroku.withResponse(h -> "nothing")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> heroku.reactive().withResponse(h -> Mono.just("nothing")).block())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withResponse_doesNotCaptureCallsMadeOnTheClientItself() {
        stubApp();
        heroku.withResponse(h -> h.app().appInfo("example"));

        heroku.app().appInfo("example"); // not through the view: must not disturb anything
        HerokuResponse<App> again = heroku.withResponse(h -> h.app().appInfo("example"));

        assertThat(again.requestId()).isEqualTo("req-42");
    }

    private static void stubRestart() {
        // Heroku answers a restart with 202 and an empty object
        api.stubFor(delete(urlPathEqualTo("/apps/example/dynos")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "restart-1").withBody("{}")));
    }
    @Test
    void bodilessOperation_blocking_returnsVoid_andSendsOneDelete() throws Exception {
        stubRestart();
        Method restartAll = DynoApi.class.getMethod("dynoRestartAll", String.class);

        HerokuResponse<Object> response = heroku.withResponse(h -> {
            h.dyno().dynoRestartAll("example");
            return null;
        });

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.requestId()).isEqualTo("restart-1");
        assertThat(response.body()).isNull();
        api.verify(1, deleteRequestedFor(urlPathEqualTo("/apps/example/dynos")));
        sentOnceAfterTheProbe();
        assertThat(restartAll.getReturnType()).as("DynoApi.dynoRestartAll(String) return type").isEqualTo(void.class);
    }
    @Test
    void bodilessOperation_reactive_isAMonoOfVoid() throws Exception {
        stubRestart();
        Type returned = ReactiveDynoApi.class.getMethod("dynoRestartAll", String.class).getGenericReturnType();

        HerokuResponse<?> response = heroku.reactive().withResponse(r -> r.dyno().dynoRestartAll("example")).block();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).isNull();
        api.verify(1, deleteRequestedFor(urlPathEqualTo("/apps/example/dynos")));
        assertThat(returned).as("ReactiveDynoApi.dynoRestartAll(String) return type").isInstanceOf(ParameterizedType.class);
        assertThat(((ParameterizedType) returned).getRawType()).isEqualTo(Mono.class);
        assertThat(((ParameterizedType) returned).getActualTypeArguments()).containsExactly(Void.class);
    }

    /** An operation the schema declares without a response body already: proves the bodiless path itself. */
    @ParameterizedTest
    @EnumSource(Side.class)
    void declaredBodilessOperation_sendsOneDelete_andIgnoresWhateverBodyComes(Side side) {
        api.stubFor(delete(urlPathEqualTo("/apps/example/build-cache")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "text/plain").withBody("not json at all")));

        HerokuResponse<Object> response = side.call(heroku,
                h -> h.withResponse(c -> {
                    c.build().buildDeleteCache("example");
                    return null;
                }),
                r -> r.withResponse(c -> c.build().buildDeleteCache("example").cast(Object.class)));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).isNull();
        api.verify(1, deleteRequestedFor(urlPathEqualTo("/apps/example/build-cache")));
    }
}
