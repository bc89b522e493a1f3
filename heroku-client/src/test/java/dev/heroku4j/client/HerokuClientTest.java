package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.heroku4j.client.auth.ApiKeyNotFoundException;
import dev.heroku4j.client.auth.ApiKeyResolver;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.error.HerokuTwoFactorRequiredException;
import dev.heroku4j.client.error.HerokuUnauthorizedException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.AppUpdateOpts;
import dev.heroku4j.client.paging.Page;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.Side;

/** The generated API through the runtime, as users call it, on both clients, against a loopback stub. */
class HerokuClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String V3 = "application/vnd.heroku+json; version=3";
    static final String APP = """
            {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "example", "maintenance": false,
             "created_at": "2012-01-01T12:00:00Z", "owner": {"email": "u@example.com", "id": "01234567-89ab-cdef-0123-456789abcdef"},
             "released_at": null, "some_future_field": {"nested": true}}""";

    // the rate-limit throttle off: these tests look at each request a call sends (the throttle's one probe at a
    // client's first call is ThrottleFilterTest's; apiKeySupplier_isAskedAtEachRequest keeps it on)
    private final HerokuClient heroku = HerokuClient.builder()
            .apiKey("test-key")
            .baseUrl(api.baseUrl())
            .retry(RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
            .rateLimitThrottle(false)
            .build();

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("RateLimit-Remaining", "4321").withBody(body);
    }

    private App appInfo(Side side, HerokuClient client, String app) {
        return side.call(client, h -> h.app().appInfo(app), r -> r.app().appInfo(app));
    }

    private App appCreate(Side side, HerokuClient client, String name) {
        AppCreateOpts opts = new AppCreateOpts().name(name);
        return side.call(client, h -> h.app().appCreate(opts), r -> r.app().appCreate(opts));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void appInfo_sendsHerokusHeaders_andDecodesTheApp(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));

        App app = appInfo(side, heroku, "example");

        assertThat(app.getName()).isEqualTo("example");
        assertThat(app.getOwner().getEmail()).isEqualTo("u@example.com");
        assertThat(app.getReleasedAt()).isNull();
        assertThat(app.unknownField("some_future_field")).hasValueSatisfying(
                node -> assertThat(node.get("nested").asBoolean()).isTrue());
        api.verify(1, getRequestedFor(urlPathEqualTo("/apps/example"))
                .withHeader("Accept", equalTo(V3))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withHeader("User-Agent", matching("heroku4j/.+"))
                .withHeader("Request-Id", matching("[0-9a-f-]{36}")));
        assertThat(heroku.rateLimitTracker().remaining()).hasValue(4321);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void sdkOnlyOperation_asksForTheSdkVariant(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps/example/usage")).willReturn(json("{\"addons\": []}")));

        side.call(heroku, h -> h.usage().usageInfo("example"), r -> r.usage().usageInfo("example"));

        api.verify(1, getRequestedFor(urlPathEqualTo("/apps/example/usage"))
                .withHeader("Accept", equalTo("application/vnd.heroku+json; version=3.sdk")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void list_followsNextRangeAcrossThreePages(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ..; max=1"))
                .willReturn(json("[{\"name\": \"a\"}]").withStatus(206).withHeader("Next-Range", "name ]a..; max=1")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ]a..; max=1"))
                .willReturn(json("[{\"name\": \"b\"}]").withStatus(206).withHeader("Next-Range", "name ]b..; max=1")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ]b..; max=1"))
                .willReturn(json("[{\"name\": \"c\"}]")));
        Range range = Range.by("name").withMax(1);

        List<App> all = side.call(heroku, h -> h.app().appList(range).toList(), r -> r.app().appList(range).collectList());
        Page<App> first = side.call(heroku, h -> h.app().appList(range).page(), r -> r.app().appList(range).page());

        assertThat(all).extracting(App::getName).containsExactly("a", "b", "c");
        assertThat(first.items()).extracting(App::getName).containsExactly("a");
        assertThat(first.nextRange()).isEqualTo("name ]a..; max=1");
        Page<App> second = side.call(heroku, h -> h.app().appList().pageAfter(first), r -> r.app().appList().pageAfter(first));
        assertThat(second.items()).extracting(App::getName).containsExactly("b");
        api.verify(5, getRequestedFor(urlPathEqualTo("/apps")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void queryParameters_areEncodedAndNullOnesLeftOut_beforeTheRange(Side side) {
        api.stubFor(get(urlPathEqualTo("/teams/team-1/usage/monthly")).willReturn(json("[]")));
        Range range = Range.by("id").withMax(10);

        side.call(heroku, h -> h.teamMonthlyUsage().teamMonthlyUsageInfo("team-1", "2026-01", "2026-03 &x=1", range).toList(),
                r -> r.teamMonthlyUsage().teamMonthlyUsageInfo("team-1", "2026-01", "2026-03 &x=1", range).collectList());
        side.call(heroku, h -> h.teamMonthlyUsage().teamMonthlyUsageInfo("team-1", "2026-01", null).toList(),
                r -> r.teamMonthlyUsage().teamMonthlyUsageInfo("team-1", "2026-01", null).collectList());

        List<LoggedRequest> requests = new ArrayList<>(api.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        Collections.reverse(requests); // WireMock lists the newest first
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).queryParameter("start").firstValue()).isEqualTo("2026-01");
        assertThat(requests.get(0).queryParameter("end").firstValue()).isEqualTo("2026-03 &x=1");
        assertThat(requests.get(0).queryParameter("x").isPresent()).isFalse();
        assertThat(requests.get(0).getHeader("Range")).isEqualTo("id ..; max=10");
        assertThat(requests.get(1).getUrl()).isEqualTo("/teams/team-1/usage/monthly?start=2026-01");
        assertThat(requests.get(1).containsHeader("Range")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void configVarUpdate_sendsNullToUnsetAKey(Side side) {
        api.stubFor(patch(urlPathEqualTo("/apps/example/config-vars")).willReturn(json("{\"KEEP\": \"1\"}")));
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("KEEP", "1");
        changes.put("DROP", null);

        Map<String, String> after = side.call(heroku, h -> h.configVar().configVarUpdate("example", changes),
                r -> r.configVar().configVarUpdate("example", changes));

        assertThat(after).containsExactly(Map.entry("KEEP", "1"));
        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example/config-vars"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"KEEP\": \"1\", \"DROP\": null}")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void update_sendsOnlyTheFieldsThatWereSet(Side side) {
        api.stubFor(patch(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        AppUpdateOpts opts = new AppUpdateOpts().maintenance(true);

        side.call(heroku, h -> h.app().appUpdate("example", opts), r -> r.app().appUpdate("example", opts));

        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example")).withRequestBody(equalTo("{\"maintenance\":true}")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void identities_arePercentEncodedIntoOneSegment_andDotSegmentsRefused(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps/a%2Fb%20c%25")).willReturn(json(APP)));

        assertThat(appInfo(side, heroku, "a/b c%").getName()).isEqualTo("example");
        assertThatThrownBy(() -> appInfo(side, heroku, "..")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appIdOrName");
        assertThatThrownBy(() -> appInfo(side, heroku, ".")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> appInfo(side, heroku, "")).isInstanceOf(IllegalArgumentException.class);
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void baseUrlWithAPathPrefix_isKept_andGetsTheKey(Side side) {
        api.stubFor(get(urlPathEqualTo("/proxy/heroku/account")).willReturn(json("{}")));
        HerokuClient proxied = HerokuClient.builder().apiKey("test-key").baseUrl(api.baseUrl() + "/proxy/heroku/").build();

        side.call(proxied, h -> h.account().accountInfo(), r -> r.account().accountInfo());

        api.verify(1, getRequestedFor(urlPathEqualTo("/proxy/heroku/account"))
                .withHeader("Authorization", equalTo("Bearer test-key")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void errors_becomeTypedExceptions(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req-1")
                .withBody("{\"id\": \"not_found\", \"message\": \"Couldn't find that app.\", \"url\": \"https://devcenter\"}")));

        assertThatThrownBy(() -> appInfo(side, heroku, "missing"))
                .isInstanceOfSatisfying(HerokuNotFoundException.class, e -> {
                    assertThat(e.id()).isEqualTo("not_found");
                    assertThat(e.herokuMessage()).isEqualTo("Couldn't find that app.");
                    assertThat(e.url()).isEqualTo("https://devcenter");
                    assertThat(e.requestId()).isEqualTo("req-1");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e).hasMessageStartingWith("404 not_found: Couldn't find that app. (GET /apps/{app_id_or_name}");
                });
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void twoFactor_codeIsSentPerCall_andTheErrorRecognised(Side side) {
        api.stubFor(post(urlPathEqualTo("/apps")).withHeader("Heroku-Two-Factor-Code", absent()).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"two_factor\", \"message\": \"A second authentication factor is required.\"}")));
        api.stubFor(post(urlPathEqualTo("/apps")).withHeader("Heroku-Two-Factor-Code", equalTo("123456")).willReturn(json(APP)));

        assertThatThrownBy(() -> appCreate(side, heroku, "x")).isInstanceOf(HerokuTwoFactorRequiredException.class);
        assertThat(appCreate(side, heroku.withTwoFactorCode("123456"), "x").getName()).isEqualTo("example");
        // the code belongs to the view it was given to, not to the client
        assertThatThrownBy(() -> appCreate(side, heroku, "x")).isInstanceOf(HerokuTwoFactorRequiredException.class);
        assertThatThrownBy(() -> heroku.withTwoFactorCode(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void serviceUnavailable_isRetriedForGetButNotForPost(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps/example")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(get(urlPathEqualTo("/apps/example")).inScenario("503").whenScenarioStateIs("up").willReturn(json(APP)));
        api.stubFor(post(urlPathEqualTo("/apps")).willReturn(aResponse().withStatus(503)));

        assertThat(appInfo(side, heroku, "example").getName()).isEqualTo("example");
        assertThatThrownBy(() -> appCreate(side, heroku, "x"))
                .isInstanceOfSatisfying(HerokuApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        api.verify(2, getRequestedFor(urlPathEqualTo("/apps/example")));
        api.verify(1, postRequestedFor(urlPathEqualTo("/apps")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void rateLimited_postIsRetriedAndItsBodyReplayed(Side side) {
        api.stubFor(post(urlPathEqualTo("/apps")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"rate_limit\", \"message\": \"slow down\"}")).willSetStateTo("ok"));
        api.stubFor(post(urlPathEqualTo("/apps")).inScenario("429").whenScenarioStateIs("ok").willReturn(json(APP)));

        assertThat(appCreate(side, heroku, "x").getName()).isEqualTo("example");
        api.verify(2, postRequestedFor(urlPathEqualTo("/apps")).withRequestBody(equalToJson("{\"name\": \"x\"}")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void noKeyAnywhere_failsWithWhereItLooked_andSendsNothing(Side side) {
        HerokuClient keyless = HerokuClient.builder().baseUrl(api.baseUrl())
                .apiKeyResolver(ApiKeyResolver.builder()
                        .environment(name -> null).homeDirectory(Path.of("/nonexistent-home")).build())
                .build();

        assertThatThrownBy(() -> side.call(keyless, h -> h.app().appList().toList(), r -> r.app().appList().collectList()))
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("HEROKU_API_KEY").hasMessageContaining(".netrc");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void badKey_isUnauthorized_andTheKeyNeverShowsInToString(Side side) {
        api.stubFor(get(urlPathEqualTo("/account")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"unauthorized\", \"message\": \"Invalid credentials provided.\"}")));

        assertThatThrownBy(() -> side.call(heroku, h -> h.account().accountInfo(), r -> r.account().accountInfo()))
                .isInstanceOf(HerokuUnauthorizedException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain("test-key"));
        assertThat(heroku.toString()).contains(api.baseUrl()).doesNotContain("test-key");
        assertThat(heroku.reactive().toString()).doesNotContain("test-key");
        assertThat(heroku.config().toString()).doesNotContain("test-key");
        assertThat(heroku.withTwoFactorCode("123456").toString()).doesNotContain("test-key").doesNotContain("123456");
    }

    @Test
    void blockingAndReactive_areTwoViewsOfOneEngine() {
        ReactiveHerokuClient reactive = heroku.reactive();

        assertThat(reactive.blocking()).isSameAs(heroku);
        assertThat(reactive.rateLimitTracker()).isSameAs(heroku.rateLimitTracker());
        assertThat(reactive.config()).isSameAs(heroku.config());
        ReactiveHerokuClient built = ReactiveHerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).build();
        assertThat(built.blocking().reactive()).isSameAs(built);
    }

    /** Counts builds of the WebClients: Spring runs the codecs consumers of a builder each time build() runs. */
    private static WebClient.Builder counting(AtomicInteger builds) {
        return WebClient.builder().codecs(codecs -> builds.incrementAndGet());
    }

    @Test
    void build_makesTheWebClientAtFirstUseOnly_andOnceWhenThreadsRace() throws Exception {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        AtomicInteger builds = new AtomicInteger();
        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .webClientBuilder(counting(builds)).build();
        client.app();
        client.reactive().app().appInfo("example"); // assembled, not subscribed
        assertThat(builds).hasValue(0);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<App>> racing = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(8);
            for (int i = 0; i < 8; i++) {
                boolean reactive = i % 2 == 0;
                racing.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return reactive ? client.reactive().app().appInfo("example").block() : client.app().appInfo("example");
                }));
            }
            for (Future<App> f : racing) {
                assertThat(f.get(10, TimeUnit.SECONDS).getName()).isEqualTo("example");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(builds).as("one API WebClient for eight racing calls on both clients").hasValue(1);
        assertThat(client.prepare()).isSameAs(client);
        assertThat(builds).hasValue(1);
        api.verify(8, getRequestedFor(urlPathEqualTo("/apps/example")));
    }

    @Test
    void prepare_buildsBeforeTheFirstCall_andViewsShareTheEngine() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        AtomicInteger builds = new AtomicInteger();
        ReactiveHerokuClient client = ReactiveHerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .webClientBuilder(counting(builds)).build();

        assertThat(client.prepare()).isSameAs(client);
        assertThat(builds).hasValue(1);
        client.withTwoFactorCode("123456").app().appInfo("example").block();
        client.blocking().withResponse(h -> h.app().appInfo("example"));
        client.withResponse(h -> h.app().appInfo("example")).block();
        client.blocking().app().appInfo("example");
        assertThat(builds).as("two-factor and withResponse views reuse the WebClient").hasValue(1);
    }

    @Test
    void prepare_whenTheConnectorFails_throwsNamingTheBaseUrl_andTheNextCallTriesAgain() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        AtomicInteger asked = new AtomicInteger();
        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .clientConnector(() -> {
                    if (asked.incrementAndGet() == 1) {
                        throw new IllegalStateException("SSL bundle not ready");
                    }
                    return null;
                })
                .build();

        assertThatThrownBy(client::prepare).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(api.baseUrl()).hasMessageContaining("SSL bundle not ready");
        assertThat(client.app().appInfo("example").getName()).isEqualTo("example");
        assertThat(asked).hasValue(2);
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
        assertThat(builders).hasValue(1);
        assertThat(connectors).hasValue(1);
        client.app().appInfo("example");
        client.reactive().app().appInfo("example").block();

        assertThat(builders).hasValue(1);
        assertThat(connectors).hasValue(1);
        api.verify(2, getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("X-Supplied", equalTo("yes")));
    }

    @Test
    void builder_whenWebClientBuilderIsNull_startsFromADefaultOne() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        HerokuClient client = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
                .webClientBuilder((WebClient.Builder) null).build();

        assertThat(client.app().appInfo("example")).isNotNull();
        api.verify(getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("Authorization", equalTo("Bearer k")));
    }

    @Test
    void apiKeySupplier_isAskedAtEachRequest() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(json(APP)));
        AtomicInteger n = new AtomicInteger();
        HerokuClient client = HerokuClient.builder().apiKey(() -> "key-" + n.incrementAndGet()).baseUrl(api.baseUrl()).build();

        client.app().appInfo("example");
        client.app().appInfo("example");

        // the throttle's probe (on by default) is the first request, with the first key
        api.verify(getRequestedFor(urlPathEqualTo("/account/rate-limits")).withHeader("Authorization", equalTo("Bearer key-1")));
        api.verify(getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("Authorization", equalTo("Bearer key-2")));
        api.verify(getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("Authorization", equalTo("Bearer key-3")));
        assertThat(n).hasValue(3);
    }
}
