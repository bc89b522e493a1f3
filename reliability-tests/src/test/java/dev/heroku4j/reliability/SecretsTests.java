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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.heroku4j.client.HerokuClient;
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
import dev.heroku4j.client.webclient.HerokuClientOptions;
import dev.heroku4j.client.webclient.HerokuWebClientConfigurer;
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
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The API key {@value Secrets#KEY} must appear in no log (every level, every library), no exception (message,
 * toString, causes, stack trace), no {@code toString()}, and no request to a host other than the API (log stream,
 * build output, source upload, an absolute URL, a redirect target).
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
        heroku.app().appInfo("demo-storefront").block(Clients.BOUND);
        catchThrowable(() -> heroku.app().appInfo("no-such-app").block(Clients.BOUND));
        sim.faults().inject(Fault.status(503).on("GET", "/apps/*").times(1));
        heroku.app().appInfo("demo-storefront").block(Clients.BOUND);
        sim.faults().inject(Fault.latency(Duration.ofSeconds(1)).on("GET", "/account").times(1));
        catchThrowable(() -> heroku.account().accountInfo().block(Clients.BOUND));
        sim.faults().inject(Fault.connectionReset().on("GET", "/apps/*/dynos").times(1));
        heroku.dyno().dynoList("demo-storefront", null).collectList().block(Clients.BOUND);
        LogSession session = heroku.logSession().logSessionCreate("demo-storefront",
                new LogSessionCreateOpts().lines(10L)).block(Clients.BOUND);
        heroku.lines(session.getLogplexUrl()).collectList().block(Clients.BOUND);
        Source source = heroku.source().sourceCreate().block(Clients.BOUND);
        heroku.upload(source.getSourceBlob().getPutUrl(), new byte[] { 1, 2, 3 }).block(Clients.BOUND);
        catchThrowable(() -> Clients.fast("http://127.0.0.1:" + Clients.closedPort()).app().appInfo("x")
                .block(Clients.BOUND));
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}")));
        catchThrowable(() -> Clients.fast(api.baseUrl()).app().appInfo("x").block(Clients.BOUND));
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", otherHost.baseUrl() + "/stolen")));
        catchThrowable(() -> Clients.fast(api.baseUrl()).app().appCreate(new AppCreateOpts().name("x"))
                .block(Clients.BOUND));
    }

    // ---- exceptions ----

    @Test
    void exceptions_for401_404_timeout_transport_neverCarryTheKey_inMessagesCausesOrStackTraces() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}")));
        Throwable unauthorized = catchThrowable(() -> Clients.fast(api.baseUrl()).app().appInfo("x").block(Clients.BOUND));
        Throwable notFound = catchThrowable(() -> heroku.app().appInfo("no-such-app").block(Clients.BOUND));
        sim.faults().inject(Fault.latency(Duration.ofSeconds(1)).on("GET", "/account"));
        Throwable timeout = catchThrowable(() -> heroku.account().accountInfo().block(Clients.BOUND));
        Throwable refused = catchThrowable(() -> Clients.fast("http://127.0.0.1:" + Clients.closedPort()).app()
                .appInfo("x").block(Clients.BOUND));
        sim.faults().inject(Fault.truncatedBody().on("GET", "/apps/*"));
        Throwable truncated = catchThrowable(() -> heroku.app().appInfo("demo-storefront").block(Clients.BOUND));

        assertThat(unauthorized).isInstanceOf(HerokuUnauthorizedException.class);
        assertThat(notFound).isInstanceOf(HerokuNotFoundException.class);
        assertThat(timeout).isInstanceOf(HerokuTransportException.class);
        assertThat(refused).isInstanceOf(HerokuTransportException.class);
        assertThat(truncated).isInstanceOf(WebClientResponseException.class);
        for (Throwable e : List.of(unauthorized, notFound, timeout, refused, truncated)) {
            assertThat(Secrets.everythingPrinted(e)).as(e.toString()).doesNotContain(Secrets.FRAGMENT);
        }
    }

    @Test
    void transportException_causeFields_doNotCarryTheKey() {
        // WebClientRequestException#getHeaders() is the request as sent, Authorization included. An error reporter
        // that serialises exception fields (Sentry, a JSON log encoder with object fields) would publish it.
        Throwable refused = catchThrowable(() -> Clients.fast("http://127.0.0.1:" + Clients.closedPort()).app()
                .appInfo("x").block(Clients.BOUND));

        assertThat(refused).isInstanceOf(HerokuTransportException.class);
        assertThat(headersKeptIn(refused)).isNotEmpty().allSatisfy(h -> assertThat(h).doesNotContain(Secrets.FRAGMENT));
    }

    @Test
    void bodyPhaseException_requestField_doesNotCarryTheKey() {
        sim.faults().inject(Fault.truncatedBody().on("GET", "/apps/*"));
        Throwable truncated = catchThrowable(() -> heroku.app().appInfo("demo-storefront").block(Clients.BOUND));

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
        HerokuClientOptions options = HerokuClientOptions.builder().apiKey(Secrets.KEY).baseUrl(sim.baseUrl()).build();
        HerokuClientOptions supplied = HerokuClientOptions.builder().apiKey(() -> Secrets.KEY).build();
        ApiKeyResolver resolver = ApiKeyResolver.builder().apiKey(Secrets.KEY).build();
        HerokuWebClientConfigurer configurer = new HerokuWebClientConfigurer(options);
        List<Object> holders = List.of(heroku, heroku.withTwoFactorCode("123456"), options, supplied,
                options.toBuilder(), resolver, resolver.get(), ApiKey.of(Secrets.KEY, "test"), options.apiKeys(),
                new BearerAuth(options.apiKeys(), options.baseUrl()), configurer, configurer.filters(),
                heroku.options(), heroku.apiClient(), heroku.webClient(), heroku.rateLimitTracker());

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

        assertThat(client.lines(otherHost.baseUrl() + "/logs?sig=abc").collectList().block(Clients.BOUND))
                .containsExactly("a", "b");
        assertThat(client.lines(otherHost.baseUrl() + "/build-output").collectList().block(Clients.BOUND))
                .containsExactly("c");
        client.upload(otherHost.baseUrl() + "/upload?X-Amz-Signature=s", new byte[] { 1, 2, 3 }).block(Clients.BOUND);
        // the API client itself, pointed at another host with an absolute URL (and an explicit header)
        client.webClient().get().uri(otherHost.baseUrl() + "/absolute").header("Authorization", "Bearer " + Secrets.KEY)
                .retrieve().toBodilessEntity().block(Clients.BOUND);
        // a redirect from the API
        catchThrowable(() -> client.app().appInfo("x").block(Clients.BOUND));

        assertThat(otherHost.getAllServeEvents()).hasSize(4).allSatisfy(e -> {
            assertThat(e.getRequest().containsHeader("Authorization")).as(e.getRequest().getUrl()).isFalse();
            assertThat(e.getRequest().getUrl()).isNotEqualTo("/stolen");
        });
        assertThat(api.getAllServeEvents()).singleElement().satisfies(e ->
                assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + Secrets.KEY));
    }

    @Test
    void simulatorHandedOutUrls_onTheApiHostItself_getNoKeyEither() {
        // The simulator's logplex_url and put_url live on the API host; the streaming clients send no key anyway.
        LogSession session = heroku.logSession().logSessionCreate("demo-storefront",
                new LogSessionCreateOpts().lines(10L)).block(Clients.BOUND);
        assertThat(heroku.lines(session.getLogplexUrl()).collectList().block(Clients.BOUND)).isNotEmpty();
        Source source = heroku.source().sourceCreate().block(Clients.BOUND);
        heroku.upload(source.getSourceBlob().getPutUrl(), new byte[] { 1 }).block(Clients.BOUND);

        List<JournalEntry> handedOut = sim.journal().entries().stream()
                .filter(e -> e.path().startsWith("/__simulator/")).toList();
        assertThat(handedOut).hasSize(2).allSatisfy(e -> assertThat(e.header("Authorization")).isNull());
    }
}
