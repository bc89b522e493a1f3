package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.error.HerokuTwoFactorRequiredException;
import dev.heroku4j.client.error.HerokuUnauthorizedException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.AppUpdateOpts;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.paging.Page;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.retry.RetrySettings;

/** The generated API through the runtime, as users call it, against a loopback stub. */
class HerokuClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String V3 = "application/vnd.heroku+json; version=3";
    static final String APP = """
            {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "example", "maintenance": false,
             "created_at": "2012-01-01T12:00:00Z", "owner": {"email": "u@example.com", "id": "01234567-89ab-cdef-0123-456789abcdef"},
             "released_at": null, "some_future_field": {"nested": true}}""";

    private final HerokuClient heroku = HerokuClient.builder()
            .apiKey("test-key")
            .baseUrl(api.baseUrl())
            .retry(RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
            .build();

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("RateLimit-Remaining", "4321")
                .withBody(body);
    }

    @Test
    void appInfo_sendsHerokusHeaders_andDecodesTheApp() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));

        App app = heroku.app().appInfo("example").block();

        assertThat(app.getName()).isEqualTo("example");
        assertThat(app.getOwner().getEmail()).isEqualTo("u@example.com");
        assertThat(app.getReleasedAt()).isNull();
        api.verify(getRequestedFor(urlPathEqualTo("/apps/example"))
                .withHeader("Accept", equalTo(V3))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withHeader("User-Agent", matching("heroku4j/.+"))
                .withHeader("Request-Id", matching("[0-9a-f-]{36}")));
        assertThat(heroku.rateLimitTracker().remaining()).hasValue(4321);
    }

    @Test
    void sdkOnlyOperation_asksForTheSdkVariant() {
        api.stubFor(get(urlPathEqualTo("/apps/example/usage")).willReturn(json("{\"addons\": []}")));

        heroku.usage().usageInfo("example").block();

        api.verify(getRequestedFor(urlPathEqualTo("/apps/example/usage"))
                .withHeader("Accept", equalTo("application/vnd.heroku+json; version=3.sdk")));
    }

    @Test
    void list_followsNextRangeAcrossThreePages() {
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ..; max=1"))
                .willReturn(json("[{\"name\": \"a\"}]").withStatus(206).withHeader("Next-Range", "name ]a..; max=1")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ]a..; max=1"))
                .willReturn(json("[{\"name\": \"b\"}]").withStatus(206).withHeader("Next-Range", "name ]b..; max=1")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ]b..; max=1"))
                .willReturn(json("[{\"name\": \"c\"}]")));

        List<String> names = heroku.list(heroku.app()::appListWithHttpInfo, Range.by("name").withMax(1))
                .map(App::getName).collectList().block();

        assertThat(names).containsExactly("a", "b", "c");
        Page<App> first = heroku.page(heroku.app()::appListWithHttpInfo, Range.by("name").withMax(1)).block();
        assertThat(first.nextRange()).isEqualTo("name ]a..; max=1");
    }

    @Test
    void unknownEnumValue_decodesInsteadOfFailing() {
        api.stubFor(get(urlPathEqualTo("/apps/example/builds/b1")).willReturn(json("""
                {"id": "01234567-89ab-cdef-0123-456789abcdef", "status": "teleporting"}""")));

        Build build = heroku.build().buildInfo("example", "b1").block();

        assertThat(build.getStatus()).isEqualTo(Build.StatusEnum.UNKNOWN_DEFAULT_OPEN_API);
    }

    @Test
    void configVarUpdate_sendsNullToUnsetAKey() {
        api.stubFor(patch(urlPathEqualTo("/apps/example/config-vars")).willReturn(json("{\"KEEP\": \"1\"}")));
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("KEEP", "1");
        changes.put("DROP", null);

        Map<String, String> after = heroku.configVar().configVarUpdate("example", changes).block();

        assertThat(after).containsExactly(Map.entry("KEEP", "1"));
        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example/config-vars"))
                .withRequestBody(equalToJson("{\"KEEP\": \"1\", \"DROP\": null}")));
    }

    @Test
    void update_sendsOnlyTheFieldsThatWereSet() {
        api.stubFor(patch(urlPathEqualTo("/apps/example")).willReturn(json(APP)));

        heroku.app().appUpdate("example", new AppUpdateOpts().maintenance(true)).block();

        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example")).withRequestBody(equalToJson("{\"maintenance\": true}")));
    }

    @Test
    void identities_arePercentEncodedIntoOneSegment_andDotSegmentsRefused() {
        api.stubFor(get(urlPathEqualTo("/apps/a%2Fb%20c%25")).willReturn(json(APP)));

        assertThat(heroku.app().appInfo("a/b c%").block().getName()).isEqualTo("example");
        assertThatThrownBy(() -> heroku.app().appInfo("..").block()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> heroku.app().appInfo("").block()).isInstanceOf(IllegalArgumentException.class);
        api.verify(1, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void errors_becomeTypedExceptions() {
        api.stubFor(get(urlPathEqualTo("/apps/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req-1")
                .withBody("{\"id\": \"not_found\", \"message\": \"Couldn't find that app.\", \"url\": \"https://devcenter\"}")));

        assertThatThrownBy(() -> heroku.app().appInfo("missing").block())
                .isInstanceOfSatisfying(HerokuNotFoundException.class, e -> {
                    assertThat(e.id()).isEqualTo("not_found");
                    assertThat(e.herokuMessage()).isEqualTo("Couldn't find that app.");
                    assertThat(e.requestId()).isEqualTo("req-1");
                    assertThat(e.status()).isEqualTo(404);
                });
    }

    @Test
    void twoFactor_codeIsSentPerCall_andTheErrorRecognised() {
        api.stubFor(post(urlPathEqualTo("/apps")).withHeader("Heroku-Two-Factor-Code", absent()).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"two_factor\", \"message\": \"A second authentication factor is required.\"}")));
        api.stubFor(post(urlPathEqualTo("/apps")).withHeader("Heroku-Two-Factor-Code", equalTo("123456")).willReturn(json(APP)));

        assertThatThrownBy(() -> heroku.app().appCreate(new AppCreateOpts().name("x")).block())
                .isInstanceOf(HerokuTwoFactorRequiredException.class);
        assertThat(heroku.withTwoFactorCode("123456").app().appCreate(new AppCreateOpts().name("x")).block().getName())
                .isEqualTo("example");
    }

    @Test
    void serviceUnavailable_isRetriedForGetButNotForPost() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(get(urlPathEqualTo("/apps/example")).inScenario("503").whenScenarioStateIs("up").willReturn(json(APP)));
        api.stubFor(post(urlPathEqualTo("/apps")).willReturn(aResponse().withStatus(503)));

        assertThat(heroku.app().appInfo("example").block().getName()).isEqualTo("example");
        assertThatThrownBy(() -> heroku.app().appCreate(new AppCreateOpts().name("x")).block())
                .isInstanceOf(dev.heroku4j.client.error.HerokuApiException.class);
        api.verify(2, getRequestedFor(urlPathEqualTo("/apps/example")));
        api.verify(1, postRequestedFor(urlPathEqualTo("/apps")));
    }

    @Test
    void rateLimited_postIsRetriedAndItsBodyReplayed() {
        api.stubFor(post(urlPathEqualTo("/apps")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"rate_limit\", \"message\": \"slow down\"}")).willSetStateTo("ok"));
        api.stubFor(post(urlPathEqualTo("/apps")).inScenario("429").whenScenarioStateIs("ok").willReturn(json(APP)));

        assertThat(heroku.app().appCreate(new AppCreateOpts().name("x")).block().getName()).isEqualTo("example");
        api.verify(2, postRequestedFor(urlPathEqualTo("/apps")).withRequestBody(equalToJson("{\"name\": \"x\"}")));
    }

    @Test
    void noKeyAnywhere_failsWithWhereItLooked() {
        HerokuClient keyless = HerokuClient.builder().baseUrl(api.baseUrl())
                .options(o -> o.apiKeyResolver(dev.heroku4j.client.auth.ApiKeyResolver.builder()
                        .environment(name -> null).homeDirectory(java.nio.file.Path.of("/nonexistent-home")).build()))
                .build();

        assertThatThrownBy(() -> keyless.app().appList(null).blockLast())
                .hasMessageContaining("HEROKU_API_KEY").hasMessageContaining(".netrc");
    }

    @Test
    void badKey_isUnauthorized_andTheKeyNeverShowsInToString() {
        api.stubFor(get(urlPathEqualTo("/account")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"unauthorized\", \"message\": \"Invalid credentials provided.\"}")));

        assertThatThrownBy(() -> heroku.account().accountInfo().block()).isInstanceOf(HerokuUnauthorizedException.class);
        assertThat(heroku.toString()).doesNotContain("test-key");
    }

    @Test
    void buildFromTarball_uploadsWithoutTheKeyThenBuilds_andAwaitBuildWaitsForTheEnd(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path tarball = java.nio.file.Files.write(dir.resolve("app.tgz"), new byte[] {1, 2, 3});
        api.stubFor(post(urlPathEqualTo("/sources")).willReturn(json("{\"source_blob\": {\"get_url\": \"" + api.baseUrl()
                + "/blob?sig=get\", \"put_url\": \"" + api.baseUrl() + "/blob?sig=put\"}}")));
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/blob")).willReturn(aResponse().withStatus(200)));
        api.stubFor(post(urlPathEqualTo("/apps/example/builds")).willReturn(json("{\"id\": \"01234567-89ab-cdef-0123-456789abcdef\", \"status\": \"pending\"}")));
        api.stubFor(get(urlPathEqualTo("/apps/example/builds/b1")).inScenario("build").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"status\": \"pending\"}")).willSetStateTo("done"));
        api.stubFor(get(urlPathEqualTo("/apps/example/builds/b1")).inScenario("build").whenScenarioStateIs("done")
                .willReturn(json("{\"status\": \"succeeded\"}")));

        Build started = heroku.buildFromTarball("example", tarball, "v1").block();
        Build done = heroku.awaitBuild("example", "b1", Duration.ofMillis(10), Duration.ofSeconds(5)).block();

        assertThat(started.getStatus()).isEqualTo(Build.StatusEnum.PENDING);
        assertThat(done.getStatus()).isEqualTo(Build.StatusEnum.SUCCEEDED);
        api.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlPathEqualTo("/blob"))
                .withHeader("Authorization", absent())
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(new byte[] {1, 2, 3})));
        api.verify(postRequestedFor(urlPathEqualTo("/apps/example/builds")).withRequestBody(equalToJson(
                "{\"source_blob\": {\"url\": \"" + api.baseUrl() + "/blob?sig=get\", \"version\": \"v1\"}}")));
    }

    @Test
    void awaitBuild_givesUpAfterItsTimeout() {
        api.stubFor(get(urlPathEqualTo("/apps/example/builds/slow")).willReturn(json("{\"status\": \"pending\"}")));

        assertThatThrownBy(() -> heroku.awaitBuild("example", "slow", Duration.ofMillis(20), Duration.ofMillis(200)).block())
                .isInstanceOf(dev.heroku4j.client.streaming.WaitTimeoutException.class);
    }

    @Test
    void build_makesTheWebClientAtFirstUseOnly_andOnceWhenThreadsRace() throws Exception {
        AtomicInteger builds = new AtomicInteger(); // Spring runs codecs consumers when WebClient.Builder.build() runs
        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .webClientBuilder(WebClient.builder().codecs(codecs -> builds.incrementAndGet())).build();
        assertThat(builds).hasValue(0);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<WebClient>> racing = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(8);
            for (int i = 0; i < 8; i++) {
                racing.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return client.app().appInfo("example") != null ? client.webClient() : null;
                }));
            }
            Set<WebClient> seen = new HashSet<>();
            for (Future<WebClient> f : racing) {
                seen.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(seen).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(builds).hasValue(1);
        assertThat(client.prepare()).isSameAs(client);
        assertThat(builds).hasValue(1);
    }

    @Test
    void prepare_buildsBeforeTheFirstCall_andWithTwoFactorCodeBuildsItsOwn() {
        AtomicInteger builds = new AtomicInteger();
        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .webClientBuilder(WebClient.builder().codecs(codecs -> builds.incrementAndGet())).build();

        client.prepare();
        assertThat(builds).hasValue(1);
        HerokuClient withCode = client.withTwoFactorCode("123456");
        assertThat(builds).hasValue(1);
        assertThat(withCode.webClient()).isNotSameAs(client.webClient());
        assertThat(builds).hasValue(2);
    }

    @Test
    void builder_whenGivenSuppliers_asksThemOnceWhenPreparing_andNullMeansTheDefault() {
        AtomicInteger builders = new AtomicInteger();
        AtomicInteger connectors = new AtomicInteger();
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .webClientBuilder(() -> {
                    builders.incrementAndGet();
                    return WebClient.builder().defaultHeader("X-Supplied", "yes");
                })
                .clientConnector(() -> {
                    connectors.incrementAndGet();
                    return null; // heroku4j's own connector
                })
                .build();
        assertThat(builders).hasValue(0);
        assertThat(connectors).hasValue(0);

        client.prepare();
        client.app().appInfo("example").block();
        client.app().appInfo("example").block();

        assertThat(builders).hasValue(1);
        assertThat(connectors).hasValue(1);
        api.verify(2, getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("X-Supplied", equalTo("yes")));
    }

    @Test
    void builder_whenWebClientBuilderIsNull_startsFromADefaultOne() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .webClientBuilder((WebClient.Builder) null).build();

        assertThat(client.app().appInfo("example").block()).isNotNull();
        api.verify(getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("Authorization", equalTo("Bearer k")));
    }
}
