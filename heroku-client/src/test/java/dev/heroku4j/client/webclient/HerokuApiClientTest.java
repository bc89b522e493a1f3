package dev.heroku4j.client.webclient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.heroku4j.client.api.HerokuApis;
import dev.heroku4j.client.http.RequestInfo;
import dev.heroku4j.client.invoker.ApiClient;
import dev.heroku4j.client.model.AppCreateOpts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link HerokuApiClient} must send exactly what the generated {@link ApiClient} sends: each operation is called
 * through both, on the same WebClient, and the two requests WireMock received are compared.
 */
class HerokuApiClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<String> templates = new CopyOnWriteArrayList<>();

    @BeforeEach
    void stub() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    private WebClient webClient() {
        return WebClient.builder().filter((request, next) -> {
            templates.add(RequestInfo.uriTemplate(request));
            return next.exchange(request);
        }).build();
    }

    /** Runs the call through the generated client, then through HerokuApiClient, and returns both requests. */
    private List<LoggedRequest> bothWays(String basePath, Consumer<HerokuApis> call) {
        WebClient webClient = webClient();
        ApiClient generated = new ApiClient(webClient).setBasePath(basePath);
        ApiClient lean = new HerokuApiClient(webClient, URI.create(basePath));
        generated.setBearerToken("token-1"); // applied by the generated auth hook, which the lean route must keep
        lean.setBearerToken("token-1");
        call.accept(new HerokuApis(() -> generated) { });
        call.accept(new HerokuApis(() -> lean) { });
        List<LoggedRequest> requests = new ArrayList<>(api.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        Collections.reverse(requests); // WireMock lists the newest first
        assertThat(requests).hasSize(2);
        return requests;
    }

    private static void assertSame(List<LoggedRequest> requests) {
        LoggedRequest generated = requests.get(0);
        LoggedRequest lean = requests.get(1);
        assertThat(lean.getMethod()).isEqualTo(generated.getMethod());
        assertThat(lean.getUrl()).isEqualTo(generated.getUrl());
        assertThat(lean.getBodyAsString()).isEqualTo(generated.getBodyAsString());
        for (String header : List.of("Accept", "Content-Type", "Range", "Authorization")) {
            assertThat(lean.containsHeader(header)).as(header).isEqualTo(generated.containsHeader(header));
            if (generated.containsHeader(header)) {
                assertThat(lean.header(header).values()).as(header).isEqualTo(generated.header(header).values());
            }
        }
    }

    @Test
    void get_withEscapedPathVariable_sendsTheSameRequest() {
        List<LoggedRequest> requests = bothWays(api.baseUrl(), heroku -> heroku.app().appInfo("my app/..").block());

        assertSame(requests);
        assertThat(requests.get(1).getUrl()).isEqualTo("/apps/my%20app%2F..");
        assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Bearer token-1");
        assertThat(templates).containsExactly("/apps/{app_id_or_name}", "/apps/{app_id_or_name}");
    }

    @Test
    void post_withJsonBody_sendsTheSameRequest() {
        List<LoggedRequest> requests = bothWays(api.baseUrl(),
                heroku -> heroku.app().appCreate(new AppCreateOpts().name("example").region("eu")).block());

        assertSame(requests);
        assertThat(requests.get(1).getBodyAsString()).contains("\"name\":\"example\"");
        assertThat(requests.get(1).getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void patch_withMapBody_sendsTheSameRequest() {
        assertSame(bothWays(api.baseUrl(),
                heroku -> heroku.configVar().configVarUpdate("example", Map.of("A", "1")).block()));
    }

    @Test
    void get_withQueryAndRangeHeader_sendsTheSameRequest() {
        List<LoggedRequest> requests = bothWays(api.baseUrl(), heroku -> heroku.teamMonthlyUsage()
                .teamMonthlyUsageInfo("team", "2026-01", "id ..; max=10", "2026-03 &x=1").collectList().block());

        assertSame(requests);
        assertThat(requests.get(1).queryParameter("end").firstValue()).isEqualTo("2026-03 &x=1");
        assertThat(requests.get(1).getHeader("Range")).isEqualTo("id ..; max=10");
    }

    @Test
    void basePathWithPrefix_isKept() {
        List<LoggedRequest> requests = bothWays(api.baseUrl() + "/proxy/heroku", heroku -> heroku.account().accountInfo().block());

        assertSame(requests);
        assertThat(requests.get(1).getUrl()).isEqualTo("/proxy/heroku/account");
    }

    @Test
    void basePathWithTrailingSlash_takesTheGeneratedRoute() {
        List<LoggedRequest> requests = bothWays(api.baseUrl() + "/", heroku -> heroku.account().accountInfo().block());

        assertSame(requests);
        assertThat(requests.get(1).getUrl()).isEqualTo("/account"); // joined as strings it would be "//account"
    }

    @Test
    void basePathWithEmptySegment_takesTheGeneratedRoute() {
        List<LoggedRequest> requests = bothWays(api.baseUrl() + "/a//b", heroku -> heroku.account().accountInfo().block());

        assertSame(requests);
        assertThat(requests.get(1).getUrl()).isEqualTo("/a/b/account");
    }

    @Test
    void selectHeaderAccept_remembersAnUnmodifiableChoice() {
        HerokuApiClient client = new HerokuApiClient(webClient(), URI.create(api.baseUrl()));
        String[] accepts = {"application/vnd.heroku+json; version=3", "application/json"};

        List<MediaType> first = client.selectHeaderAccept(accepts);
        List<MediaType> second = client.selectHeaderAccept(accepts.clone());

        assertThat(first).isEqualTo(new ApiClient(webClient()).selectHeaderAccept(accepts)).isSameAs(second);
        assertThatThrownBy(() -> first.add(MediaType.ALL)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(client.selectHeaderAccept(new String[0])).isNull();
        assertThat(client.selectHeaderContentType(new String[0])).isNull();
        assertThat(client.selectHeaderContentType(new String[] {"application/json"})).isEqualTo(MediaType.APPLICATION_JSON);
    }
}
