package dev.heroku4j.client.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.RawHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The throttle in the whole client: on by default, the probe, pacing, 429 storms with Retry-After. */
class ThrottleFilterTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String APP = "{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"a\"}";

    private HerokuClient client(RetrySettings retry) {
        return HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).retry(retry)
                .rateLimitThrottle(ThrottlePolicy.DEFAULTS).build();
    }

    private static void rateLimits(int remaining) {
        api.stubFor(get("/account/rate-limits").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("RateLimit-Remaining", String.valueOf(remaining))
                .withBody("{\"remaining\":" + remaining + "}")));
    }

    @Test
    void concurrentFirstCalls_shareOneFreeProbe_andAreNotDelayedWithAFullQuota() {
        rateLimits(4000);
        api.stubFor(get("/apps/a").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("RateLimit-Remaining", "3999").withBody(APP)));
        HerokuClient heroku = client(RetrySettings.DEFAULTS);
        List<CompletableFuture<Void>> calls = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.runAsync(() -> heroku.app().appInfo("a"))).toList();
        calls.forEach(CompletableFuture::join);
        api.verify(1, getRequestedFor(urlEqualTo("/account/rate-limits")));
        api.verify(8, getRequestedFor(urlEqualTo("/apps/a")));
        assertThat(heroku.rateLimitThrottle().orElseThrow().stats().delayed()).isZero();
    }

    @Test
    void theDefaultClient_isThrottled_andProbesOnceAtItsFirstCall_notWhenBuilt() {
        rateLimits(4000);
        appInfo();
        HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).build();
        heroku.reactive().prepare();
        assertThat(api.getAllServeEvents()).as("nothing sent by building the client").isEmpty();
        for (int i = 0; i < 3; i++) {
            heroku.app().appInfo("a");
        }
        api.verify(1, getRequestedFor(urlEqualTo("/account/rate-limits")));
        api.verify(3, getRequestedFor(urlEqualTo("/apps/a")));
        assertThat(api.getAllServeEvents()).hasSize(4);
        assertThat(heroku.rateLimitThrottle().orElseThrow().stats().kind()).isEqualTo("local");
        assertThat(heroku.rateLimitThrottle().orElseThrow().stats().delayed()).isZero();
    }

    @Test
    void theThrottleSwitchedOff_sendsNoProbe() {
        rateLimits(4000);
        appInfo();
        HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).rateLimitThrottle(false).build();
        heroku.app().appInfo("a");
        assertThat(heroku.rateLimitThrottle()).isEmpty();
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"500", "401", "404", "slow"})
    void aFailingProbe_neverFailsTheCall_isNotRepeated_andHoldsTheFirstCallAtMostTheProbeWait(String how)
            throws InterruptedException {
        var probe = how.equals("slow")
                ? aResponse().withStatus(200).withHeader("RateLimit-Remaining", "4000").withFixedDelay(5_000)
                : aResponse().withStatus(Integer.parseInt(how)).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"x\",\"message\":\"no\"}");
        if (!how.equals("404")) {                                // 404: nothing stubbed, WireMock's own answer
            api.stubFor(get("/account/rate-limits").willReturn(probe));
        }
        appInfo();
        HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).build();
        long t0 = System.nanoTime();
        assertThat(heroku.app().appInfo("a").getName()).isEqualTo("a");
        Duration first = Duration.ofNanos(System.nanoTime() - t0);
        heroku.app().appInfo("a");
        heroku.app().appInfo("a");
        assertThat(first).isLessThan(ThrottleFilter.PROBE_WAIT.plusSeconds(1));
        if (how.equals("slow")) {
            Thread.sleep(3_500);                                 // until the delayed answer would have come
        }
        api.verify(1, getRequestedFor(urlEqualTo("/account/rate-limits")));
        api.verify(3, getRequestedFor(urlEqualTo("/apps/a")));
        // paced from the first response instead: 3999 read, no delay
        assertThat(heroku.rateLimitTracker().remaining()).hasValue(3999);
    }

    @Test
    void aProbeWhoseConnectionIsClosedUnanswered_neverFailsTheCall_andIsNotRepeated() throws Exception {
        try (RawHttpServer server = new RawHttpServer(r -> r.path().endsWith("/account/rate-limits") ? null
                : RawHttpServer.json(200, APP, Map.of("RateLimit-Remaining", "3999")))) {
            HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(server.baseUrl()).build();
            assertThat(heroku.app().appInfo("a").getName()).isEqualTo("a");
            heroku.app().appInfo("a");
            assertThat(server.received()).extracting(RawHttpServer.Request::path)
                    .containsExactly("/account/rate-limits", "/apps/a", "/apps/a");
        }
    }

    @Test
    void aBaseUrlWithAPathPrefix_probesUnderThatPrefix() {
        api.stubFor(get("/gateway/account/rate-limits").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("RateLimit-Remaining", "4000")
                .withBody("{\"remaining\":4000}")));
        api.stubFor(get("/gateway/apps/a").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("RateLimit-Remaining", "3999").withBody(APP)));
        HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl() + "/gateway").build();
        heroku.app().appInfo("a");
        api.verify(1, getRequestedFor(urlEqualTo("/gateway/account/rate-limits")));
        assertThat(api.getAllServeEvents()).hasSize(2);
    }

    private static void appInfo() {
        api.stubFor(get("/apps/a").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("RateLimit-Remaining", "3999").withBody(APP)));
    }

    @Test
    void aLowQuotaReadByTheProbe_pacesTheFirstCalls() {
        rateLimits(90);                                           // interval 1 s at 90 left
        api.stubFor(get("/apps/a").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("RateLimit-Remaining", "90").withBody(APP)));
        HerokuClient heroku = client(RetrySettings.DEFAULTS);
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            heroku.app().appInfo("a");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));   // 3 calls, at least 1 s apart
        assertThat(heroku.rateLimitThrottle().orElseThrow().stats().delayed()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStormOf429sWithRetryAfter_everyPostSucceedsOnce_andTheThrottleLearnsFromIt() {
        rateLimits(0);
        // The first 12 POSTs are refused with Retry-After: 1, then every one is accepted.
        String state = Scenario.STARTED;
        for (int i = 0; i < 12; i++) {
            String nextState = "refused-" + (i + 1);
            api.stubFor(post("/apps").inScenario("storm").whenScenarioStateIs(state).willSetStateTo(nextState)
                    .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                            .withHeader("Retry-After", "1").withHeader("RateLimit-Remaining", "0")
                            .withBody("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}")));
            state = nextState;
        }
        api.stubFor(post("/apps").inScenario("storm").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("RateLimit-Remaining", "4000").withBody(APP)));
        // a short maxInterval, so the storm (an empty quota until the 13th POST) takes seconds, not minutes
        HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .retry(RetrySettings.DEFAULTS.withMaxRetries(12).withMaxTotalWait(Duration.ofSeconds(60)))
                .rateLimitThrottle(new ThrottlePolicy(100, Duration.ofMillis(200), true)).build();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            calls.add(CompletableFuture.runAsync(() -> heroku.app().appCreate(new AppCreateOpts().name("storm-" + n))));
        }
        calls.forEach(CompletableFuture::join);                  // none lost: every call returned
        var posts = api.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .toList();
        long refused = posts.stream().filter(e -> e.getResponse().getStatus() == 429).count();
        assertThat(refused).isGreaterThanOrEqualTo(6);           // the storm reached them (concurrent ones share states)
        for (int i = 0; i < 6; i++) {                            // each accepted exactly once: nothing sent twice
            String name = "\"storm-" + i + "\"";
            assertThat(posts.stream().filter(e -> e.getResponse().getStatus() == 201
                    && e.getRequest().getBodyAsString().contains(name))).hasSize(1);
        }
        ThrottleStats stats = heroku.rateLimitThrottle().orElseThrow().stats();
        assertThat(stats.limited()).isEqualTo(refused);
        assertThat(((AdaptiveThrottle) heroku.rateLimitThrottle().orElseThrow()).crowding()).isGreaterThan(1);
    }
}
