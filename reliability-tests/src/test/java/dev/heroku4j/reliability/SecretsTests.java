package dev.heroku4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.HerokuConfig;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.ApiKeyResolver;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.error.HerokuUnauthorizedException;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.LogSession;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.model.Source;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.reliability.support.LogCapture;
import dev.heroku4j.reliability.support.Secrets;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;
import dev.heroku4j.simulator.fault.Fault;
import dev.heroku4j.simulator.journal.JournalEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The API key {@value Secrets#KEY} must appear in no log (every level, every library), no exception (message,
 * toString, causes, stack trace), no {@code toString()}, and no request to a host other than the API (log stream,
 * build output, source upload, an API request re-pointed at another host, a redirect target).
 */
@Timeout(60)
class SecretsTests {

    @RegisterExtension
    static HerokuSimulatorExtension simulator = HerokuSimulatorExtension.with(b -> b.seed("demo"));

    static HerokuSimulator sim;
    static HerokuClient heroku;

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension otherHost = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @BeforeAll
    static void start() {
        sim = simulator.simulator(); // the extension clears its journal and faults before each test
        heroku = Clients.fast(sim.baseUrl());
    }

    @BeforeEach
    void clean() {
        otherHost.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("line 1\nline 2\n")));
    }

    // ---- logs ----

    @Test
    void logs_atTraceEverywhere_neverContainTheKey() {
        try (LogCapture logs = LogCapture.all(Level.TRACE, "dev.heroku4j", "reactor", "reactor.netty", "io.netty",
                "org.springframework", "wiremock", "org.eclipse.jetty")) {
            exerciseEveryPath();

            assertThat(logs.events()).as("logging was really on").hasSizeGreaterThan(50);
            assertThat(logs.everything()).contains("GET /apps/{app_id_or_name} -> 503")
                    .doesNotContain(Secrets.KEY).doesNotContain(Secrets.FRAGMENT);
        }
        // and the key was really sent to the API, so its absence above means something
        assertThat(sim.journal().entries("GET", "/apps/*")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.header("Authorization")).isEqualTo("Bearer " + Secrets.KEY));
    }

    /** 200, 404, 503 retried, 429, timeout, reset, log stream, upload, refused, 401, redirect. */
    private void exerciseEveryPath() {
        heroku.app().appInfo("demo-storefront");
        catchThrowable(() -> heroku.app().appInfo("no-such-app"));
        sim.faults().inject(Fault.status(503).on("GET", "/apps/*").times(1));
        heroku.app().appInfo("demo-storefront");
        sim.faults().inject(Fault.latency(Duration.ofSeconds(1)).on("GET", "/account").times(1));
        catchThrowable(() -> heroku.account().accountInfo());
        sim.faults().inject(Fault.connectionReset().on("GET", "/apps/*/dynos").times(1));
        heroku.dyno().dynoList("demo-storefront").toList();
        LogSession session = heroku.logSession().logSessionCreate("demo-storefront",
                new LogSessionCreateOpts().lines(10L));
        heroku.readLines(session.getLogplexUrl());
        Source source = heroku.source().sourceCreate();
        heroku.upload(source.getSourceBlob().getPutUrl(), new byte[] { 1, 2, 3 });
        catchThrowable(() -> Clients.fast("http://127.0.0.1:" + Clients.closedPort()).app().appInfo("x"));
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}")));
        catchThrowable(() -> Clients.fast(api.baseUrl()).app().appInfo("x"));
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", otherHost.baseUrl() + "/stolen")));
        catchThrowable(() -> Clients.fast(api.baseUrl()).app().appCreate(new AppCreateOpts().name("x")));
    }

    // ---- exceptions ----

    @Test
    void exceptions_for401_404_timeout_transport_neverCarryTheKey_inMessagesCausesOrStackTraces() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}")));
        Throwable unauthorized = catchThrowable(() -> Clients.fast(api.baseUrl()).app().appInfo("x"));
        Throwable notFound = catchThrowable(() -> heroku.app().appInfo("no-such-app"));
        sim.faults().inject(Fault.latency(Duration.ofSeconds(1)).on("GET", "/account"));
        Throwable timeout = catchThrowable(() -> heroku.account().accountInfo());
        Throwable refused = catchThrowable(() -> Clients.fast("http://127.0.0.1:" + Clients.closedPort()).app()
                .appInfo("x"));
        sim.faults().inject(Fault.truncatedBody().on("GET", "/apps/*"));
        Throwable truncated = catchThrowable(() -> heroku.app().appInfo("demo-storefront"));

        assertThat(unauthorized).isInstanceOf(HerokuUnauthorizedException.class);
        assertThat(notFound).isInstanceOf(HerokuNotFoundException.class);
        assertThat(timeout).isInstanceOf(HerokuTransportException.class);
        assertThat(refused).isInstanceOf(HerokuTransportException.class);
        assertThat(truncated).isInstanceOf(HerokuTransportException.class).hasCauseInstanceOf(WebClientResponseException.class);
        for (Throwable e : List.of(unauthorized, notFound, timeout, refused, truncated)) {
            assertThat(Secrets.everythingPrinted(e)).as(e.toString()).doesNotContain(Secrets.FRAGMENT);
        }
    }

    @Test
    void transportException_causeFields_doNotCarryTheKey() {
        // WebClientRequestException#getHeaders() is the request as sent, Authorization included. An error reporter
        // that serialises exception fields (Sentry, a JSON log encoder with object fields) would publish it.
        Throwable refused = catchThrowable(() -> Clients.fast("http://127.0.0.1:" + Clients.closedPort()).app()
                .appInfo("x"));

        assertThat(refused).isInstanceOf(HerokuTransportException.class);
        assertThat(headersKeptIn(refused)).isNotEmpty().allSatisfy(h -> assertThat(h).doesNotContain(Secrets.FRAGMENT));
    }

    @Test
    void bodyPhaseException_requestField_doesNotCarryTheKey() {
        sim.faults().inject(Fault.truncatedBody().on("GET", "/apps/*"));
        Throwable truncated = catchThrowable(() -> heroku.app().appInfo("demo-storefront"));

        assertThat(headersKeptIn(truncated)).isNotEmpty()
                .allSatisfy(h -> assertThat(h).doesNotContain(Secrets.FRAGMENT));
    }

    /** Request headers Spring's exceptions in the chain keep as fields. */
    private static List<String> headersKeptIn(Throwable root) {
        List<String> carried = new ArrayList<>();
        for (Throwable e : Secrets.chain(root)) {
            if (e instanceof WebClientRequestException req) {
                carried.add("WebClientRequestException.getHeaders: " + req.getHeaders());
            }
            if (e instanceof WebClientResponseException res && res.getRequest() != null) {
                carried.add("WebClientResponseException.getRequest().getHeaders: " + res.getRequest().getHeaders());
            }
        }
        return carried;
    }

    // ---- toString ----

    @Test
    void toString_ofEveryTypeHoldingTheKey_neverShowsIt() {
        HerokuClientBuilder<HerokuConfig> builder = HerokuConfig.builder().apiKey(Secrets.KEY).baseUrl(sim.baseUrl());
        HerokuConfig config = builder.config();
        HerokuConfig supplied = HerokuConfig.builder().apiKey(() -> Secrets.KEY).build();
        ApiKeyResolver resolver = ApiKeyResolver.builder().apiKey(Secrets.KEY).build();
        ReactiveHerokuClient reactive = ReactiveHerokuClient.create(config);
        List<Object> holders = List.of(heroku, heroku.withTwoFactorCode("123456"), heroku.reactive(), reactive,
                reactive.withTwoFactorCode("123456"), reactive.blocking(), config, supplied, builder, resolver,
                resolver.get(), ApiKey.of(Secrets.KEY, "test"), config.apiKeys(),
                new BearerAuth(config.apiKeys(), config.baseUrl()), heroku.config(), heroku.rateLimitTracker(),
                heroku.withResponse(h -> h.app().appInfo("demo-storefront")));

        for (Object holder : holders) {
            assertThat(String.valueOf(holder)).as(holder.getClass().getName()).doesNotContain(Secrets.FRAGMENT);
        }
        assertThat(resolver.get().value()).isEqualTo(Secrets.KEY); // it does hold it
    }

    // ---- requests to other hosts ----

    @Test
    void logStream_buildOutput_upload_absoluteUrls_andRedirects_neverSendTheKeyToAnotherHost() {
        otherHost.stubFor(put(urlPathEqualTo("/upload")).willReturn(aResponse().withStatus(200)));
        otherHost.stubFor(get(urlPathEqualTo("/logs")).willReturn(aResponse().withStatus(200).withBody("a\nb\n")));
        otherHost.stubFor(get(urlPathEqualTo("/build-output")).willReturn(aResponse().withStatus(200).withBody("c\n")));
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", otherHost.baseUrl() + "/stolen")));
        HerokuClient client = Clients.fast(api.baseUrl());

        assertThat(client.readLines(otherHost.baseUrl() + "/logs?sig=abc")).containsExactly("a", "b");
        try (Stream<String> lines = client.lines(otherHost.baseUrl() + "/build-output")) {
            assertThat(lines).containsExactly("c");
        }
        client.upload(otherHost.baseUrl() + "/upload?X-Amz-Signature=s", new byte[] { 1, 2, 3 });
        // the API client itself, its requests pointed at another host (and given the key explicitly) by a filter of
        // the application's own WebClient.Builder, which runs before heroku4j's: the key is removed all the same
        WebClient.Builder rerouting = WebClient.builder().filter((request, next) -> next.exchange(ClientRequest.from(request)
                .url(URI.create(otherHost.baseUrl() + request.url().getRawPath()))
                .header("Authorization", "Bearer " + Secrets.KEY).build()));
        HerokuClient rerouted = HerokuClient.builder().apiKey(Secrets.KEY).baseUrl(api.baseUrl())
                .webClientBuilder(rerouting).retry(RetrySettings.disabled()).callTimeout(Clients.BOUND).build();
        catchThrowable(() -> rerouted.app().appInfo("absolute"));
        // a redirect from the API
        catchThrowable(() -> client.app().appInfo("x"));

        assertThat(otherHost.getAllServeEvents()).hasSize(4).allSatisfy(e -> {
            assertThat(e.getRequest().containsHeader("Authorization")).as(e.getRequest().getUrl()).isFalse();
            assertThat(e.getRequest().getUrl()).isNotEqualTo("/stolen");
        });
        // the API host got the redirected call, and the rerouted client's rate-limit probe (its throttle is on by
        // default; the probe is sent below the application's filters, so to the API host): the key went to the API only
        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getUrl())
                .containsExactlyInAnyOrder("/apps/x", "/account/rate-limits");
        assertThat(api.getAllServeEvents()).allSatisfy(e ->
                assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + Secrets.KEY));
    }

    @Test
    void simulatorHandedOutUrls_onTheApiHostItself_getNoKeyEither() {
        // The simulator's logplex_url and put_url live on the API host; the streaming clients send no key anyway.
        LogSession session = heroku.logSession().logSessionCreate("demo-storefront",
                new LogSessionCreateOpts().lines(10L));
        assertThat(heroku.readLines(session.getLogplexUrl())).isNotEmpty();
        Source source = heroku.source().sourceCreate();
        heroku.upload(source.getSourceBlob().getPutUrl(), new byte[] { 1 });

        List<JournalEntry> handedOut = sim.journal().entries().stream()
                .filter(e -> e.path().startsWith("/__simulator/")).toList();
        assertThat(handedOut).hasSize(2).allSatisfy(e -> assertThat(e.header("Authorization")).isNull());
    }
}
