package dev.heroku4j.client.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.heroku4j.client.testsupport.Scenarios.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.SerializationFeature;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.HerokuConfig;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.PathSafetyFilter;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.ratelimit.ThrottleFilter;
import dev.heroku4j.client.ratelimit.RateLimitSnapshot;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.retry.RetryFilter;
import dev.heroku4j.client.retry.RetrySettings;

/**
 * How the engine's two WebClients are made from one configuration (filter order, headers, codecs, connectors),
 * proven through the client where the wire can show it.
 */
class WebClientsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "01234567-89ab-cdef-0123-456789abcdef";

    // the rate-limit throttle off: these tests count the requests and exchanges a call makes (the throttle's probe
    // at a client's first call is ThrottleFilterTest's)
    private static HerokuClientBuilder<HerokuClient> builder() {
        return HerokuClient.builder().apiKey(KEY).baseUrl(api.baseUrl())
                .retry(RetrySettings.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
                .rateLimitThrottle(false);
    }

    private static LoggedRequest onlyRequest(WireMockExtension server) {
        assertThat(server.getAllServeEvents()).hasSize(1);
        return server.getAllServeEvents().get(0).getRequest();
    }

    @Test
    void apiFilters_areInstalledInTheDocumentedOrder_theThrottleUnlessSwitchedOff() {
        HerokuConfig governed = HerokuConfig.builder().apiKey(KEY).build();          // the throttle is on by default
        HerokuConfig plain = HerokuConfig.builder().apiKey(KEY).rateLimitThrottle(false).build();

        assertThat(WebClients.apiFilters(governed, new RateLimitTracker())).extracting(f -> (Class) f.getClass())
                .containsExactly(PathSafetyFilter.class, RetryFilter.class, ThrottleFilter.class,
                        HerokuExchangeFilter.class);
        assertThat(WebClients.apiFilters(plain, new RateLimitTracker())).noneMatch(f -> f instanceof ThrottleFilter)
                .hasSize(3);
    }

    @Test
    void vendorJsonAnswer_decodes_andHerokusHeadersAreSent() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.heroku+json; version=3")
                .withBody("{\"id\":\"01234567-89ab-cdef-0123-456789abcdef\",\"name\":\"my-app\",\"added_later\":1}")));

        App app = builder().build().app().appInfo("my-app");

        assertThat(app.getName()).isEqualTo("my-app");
        LoggedRequest request = onlyRequest(api);
        assertThat(request.getUrl()).isEqualTo("/apps/my-app");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.heroku+json; version=3");
        assertThat(request.header("Accept").values()).hasSize(1);
        assertThat(request.getHeader("User-Agent")).startsWith("heroku4j/");
        assertThat(UUID.fromString(request.getHeader("Request-Id"))).isNotNull();
    }

    @Test
    void identitiesWithReservedCharacters_goAsOneEncodedSegmentEach() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{}")));
        HerokuClient heroku = builder().build();

        heroku.domain().domainInfo("a/b c", "www.exämple.com");
        heroku.team().teamInfo("50%/..");
        heroku.reactive().app().appInfo("a?b#c").block();

        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactlyInAnyOrder(
                "/apps/a%2Fb%20c/domains/www.ex%C3%A4mple.com", "/teams/50%25%2F..", "/apps/a%3Fb%23c");
    }

    @Test
    void rateLimitedThenOk_retriesWithAFreshRequestId_andReportsEveryRemaining() {
        respondInOrder(api,
                aResponse().withStatus(429).withHeader("RateLimit-Remaining", "0")
                        .withBody("{\"id\":\"rate_limit\",\"message\":\"Slow down.\"}"),
                aResponse().withStatus(201).withHeader("RateLimit-Remaining", "17")
                        .withHeader("Content-Type", "application/json").withBody("{\"name\": \"x\"}"));
        List<Integer> seen = new CopyOnWriteArrayList<>();
        HerokuClient heroku = builder().rateLimitListener(s -> seen.add(s.remaining())).build();

        heroku.app().appCreate(new AppCreateOpts().name("x"));

        assertThat(seen).containsExactly(0, 17);
        assertThat(heroku.rateLimitTracker().current()).map(RateLimitSnapshot::remaining).hasValue(17);
        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getHeader("Request-Id"))
                .doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void sharedTracker_seesTheReadingsOfEveryClientOfTheAccount() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("RateLimit-Remaining", "99")
                .withHeader("Content-Type", "application/json").withBody("{}")));
        RateLimitTracker account = new RateLimitTracker();

        builder().rateLimitTracker(account).build().account().accountInfo();

        assertThat(account.remaining()).hasValue(99);
    }

    @Test
    void redirectToAnotherHost_isNotFollowed() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", other.baseUrl() + "/x")));

        assertThatThrownBy(() -> builder().build().app().appList().toList())
                .isInstanceOfSatisfying(HerokuApiException.class, e -> assertThat(e.status()).isEqualTo(302));
        assertThat(other.getAllServeEvents()).isEmpty();
    }

    @Test
    void serverTooSlow_getIsRetriedThenAHerokuTransportException() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
        HerokuClient heroku = builder().connectTimeout(Duration.ofSeconds(1)).responseTimeout(Duration.ofMillis(200))
                .retry(RetrySettings.DEFAULTS.withMaxRetries(1).withBackoff(Duration.ofMillis(10), Duration.ofMillis(10)))
                .build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> heroku.app().appInfo("slow"))
                .isInstanceOf(HerokuTransportException.class)
                .hasMessageStartingWith("GET /apps/{app_id_or_name} failed without a response: ReadTimeoutException");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(api.getAllServeEvents()).hasSize(2);
    }

    /** heroku4j's own connector, counting the exchanges it carries. */
    private static ClientHttpConnector counting(AtomicInteger exchanges) {
        ClientHttpConnector real = ReactorConnectors.connector(HttpTimeouts.DEFAULTS);
        return (method, uri, callback) -> {
            exchanges.incrementAndGet();
            return real.connect(method, uri, callback);
        };
    }

    @Test
    void suppliedConnector_carriesApiCalls_andStreamsUnlessAStreamConnectorIsGiven() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{}")));
        other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("line\n")));
        AtomicInteger apiExchanges = new AtomicInteger();
        AtomicInteger streamExchanges = new AtomicInteger();

        HerokuClient shared = builder().clientConnector(counting(apiExchanges)).build();
        shared.account().accountInfo();
        shared.readLines(other.baseUrl() + "/stream");
        assertThat(apiExchanges).hasValue(2);

        HerokuClient separate = builder().clientConnector(counting(apiExchanges))
                .streamConnector(() -> counting(streamExchanges)).build();
        separate.account().accountInfo();
        separate.readLines(other.baseUrl() + "/stream");
        separate.upload(other.baseUrl() + "/put", new byte[] {1});
        assertThat(apiExchanges).hasValue(3);
        assertThat(streamExchanges).hasValue(2);
    }

    @Test
    void configuredJsonMapper_writesTheRequestBodies() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"name\": \"x\"}")));
        HerokuClient heroku = builder()
                .jsonMapper(HerokuJson.customize(tools.jackson.databind.json.JsonMapper.builder())
                        .enable(SerializationFeature.INDENT_OUTPUT).build())
                .build();

        heroku.app().appCreate(new AppCreateOpts().name("x"));

        assertThat(onlyRequest(api).getBodyAsString()).contains("\n").contains("\"name\" : \"x\"");
    }

    @Test
    void largeListPage_decodesWithTheDefaultInMemoryLimit() {
        String page = IntStream.range(0, 1000)
                .mapToObj(i -> "{\"name\": \"app-" + i + "\", \"git_url\": \"" + "x".repeat(1000) + "\"}")
                .collect(Collectors.joining(",", "[", "]")); // about 1 MB, four times Spring's default limit
        api.stubFor(get(urlPathEqualTo("/apps")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page)));

        assertThat(builder().build().app().appList().toList()).hasSize(1000);
    }

    @Test
    void streamsAndUploads_goThroughTheSameEngine_withItsUserAgentAndStartingBuilder_butNeverTheKey() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{}")));
        other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("line\n")));
        AtomicInteger builds = new AtomicInteger();
        List<String> seenByBuilderFilter = new CopyOnWriteArrayList<>();
        WebClient.Builder start = WebClient.builder()
                .codecs(c -> builds.incrementAndGet())
                .filter((request, next) -> {
                    seenByBuilderFilter.add(request.method() + " " + request.url().getPath());
                    return next.exchange(request);
                });
        HerokuClient heroku = builder().userAgent("ops-bot/3").webClientBuilder(start).build();

        heroku.account().accountInfo();
        assertThat(builds).as("the stream WebClient waits for the first stream").hasValue(1);
        heroku.readLines(other.baseUrl() + "/streams/build?sig=1");
        heroku.reactive().lines(other.baseUrl() + "/streams/log").blockLast(Duration.ofSeconds(10));
        heroku.upload(other.baseUrl() + "/put?sig=2", new byte[] {1, 2});
        assertThat(builds).as("one API and one stream WebClient").hasValue(2);

        assertThat(onlyRequest(api).getHeader("User-Agent")).isEqualTo("ops-bot/3");
        assertThat(other.getAllServeEvents()).hasSize(3).allSatisfy(e -> {
            LoggedRequest request = e.getRequest();
            assertThat(request.getHeader("User-Agent")).isEqualTo("ops-bot/3");
            assertThat(request.containsHeader("Authorization")).isFalse();
            assertThat(request.getAllHeaderKeys()).noneMatch(h -> request.getHeader(h).contains(KEY));
        });
        assertThat(seenByBuilderFilter).containsExactly("GET /account", "GET /streams/build", "GET /streams/log", "PUT /put");
    }
}
