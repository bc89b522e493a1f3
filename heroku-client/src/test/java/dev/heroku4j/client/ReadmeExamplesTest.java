package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.model.LogSession;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.paging.Range;

/**
 * The code of heroku-client/README.md, compiled and run against a loopback stub, so the README stays true.
 * Each block between "README:" markers is the README's snippet, word for word.
 */
class ReadmeExamplesTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String APP = "{\"name\": \"my-app\", \"region\": {\"name\": \"eu\"}}";

    private HerokuClient client() {
        // README: build
        HerokuClient heroku = HerokuClient.builder()
                .apiKey(System.getenv().getOrDefault("MY_HEROKU_KEY", "test-key")) // or leave out: HEROKU_API_KEY, then ~/.netrc
                .baseUrl(api.baseUrl())                                             // defaults to https://api.heroku.com
                .build();
        // README: end
        return heroku;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void readme_showsTheCodeOfThisTest() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String test = squeeze(java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/java/dev/heroku4j/client/ReadmeExamplesTest.java")));
        java.util.regex.Matcher blocks = java.util.regex.Pattern.compile("```java\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        int count = 0;
        while (blocks.find()) {
            count++;
            assertThat(test).as("README snippet %d is in this test", count).contains(squeeze(blocks.group(1)));
        }
        assertThat(count).isEqualTo(7);
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }

    @Test
    void createAnAppWithOptions() {
        api.stubFor(post(urlPathEqualTo("/apps")).willReturn(json(APP).withStatus(201)));
        HerokuClient heroku = client();

        // README: create
        App app = heroku.app().appCreate(new AppCreateOpts().name("my-app").region("eu").stack("heroku-24")).block();
        // README: end

        assertThat(app.getRegion().getName()).isEqualTo("eu");
        api.verify(postRequestedFor(urlPathEqualTo("/apps"))
                .withRequestBody(equalToJson("{\"name\": \"my-app\", \"region\": \"eu\", \"stack\": \"heroku-24\"}")));
    }

    @Test
    void listWithARange() {
        api.stubFor(get(urlPathEqualTo("/apps")).willReturn(json("[{\"name\": \"b\"}, {\"name\": \"a\"}]")));
        HerokuClient heroku = client();
        List<String> printed = new ArrayList<>();

        // README: list
        heroku.list(heroku.app()::appListWithHttpInfo, Range.by("name").withMax(100).descending())
                .map(App::getName)
                .take(10)
                .doOnNext(printed::add)
                .blockLast();
        // README: end

        assertThat(printed).containsExactly("b", "a");
        api.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/apps"))
                .withHeader("Range", com.github.tomakehurst.wiremock.client.WireMock.equalTo("name ..; max=100, order=desc")));
    }

    @Test
    void scaleAndConfigure() {
        api.stubFor(patch(urlPathEqualTo("/apps/my-app/formation/web")).willReturn(json("{\"quantity\": 2}")));
        api.stubFor(patch(urlPathEqualTo("/apps/my-app/config-vars")).willReturn(json("{\"GREETING\": \"hello\"}")));
        HerokuClient heroku = client();

        // README: scale
        heroku.formation().formationUpdate("my-app", "web", new FormationUpdateOpts().quantity(2L)).block();

        Map<String, String> changes = new HashMap<>();
        changes.put("GREETING", "hello");
        changes.put("OLD_SETTING", null);                 // null unsets the key
        heroku.configVar().configVarUpdate("my-app", changes).block();
        // README: end

        api.verify(patchRequestedFor(urlPathEqualTo("/apps/my-app/formation/web")).withRequestBody(equalToJson("{\"quantity\": 2}")));
        api.verify(patchRequestedFor(urlPathEqualTo("/apps/my-app/config-vars"))
                .withRequestBody(equalToJson("{\"GREETING\": \"hello\", \"OLD_SETTING\": null}")));
    }

    @Test
    void handleAnError() {
        api.stubFor(get(urlPathEqualTo("/apps/no-such-app")).willReturn(json("{\"id\": \"not_found\", \"message\": \"Couldn't find that app.\"}")
                .withStatus(404).withHeader("Request-Id", "abc-123")));
        HerokuClient heroku = client();
        StringBuilder log = new StringBuilder();

        // README: error
        try {
            heroku.app().appInfo("no-such-app").block();
        } catch (HerokuNotFoundException e) {
            log.append(e.id()).append(": ").append(e.herokuMessage()).append(" (Request-Id ").append(e.requestId()).append(')');
        }
        // README: end

        assertThat(log).hasToString("not_found: Couldn't find that app. (Request-Id abc-123)");
    }

    @Test
    void streamLogs() {
        api.stubFor(post(urlPathEqualTo("/apps/my-app/log-sessions")).willReturn(json(
                "{\"logplex_url\": \"" + api.baseUrl() + "/streams/abc\"}").withStatus(201)));
        api.stubFor(get(urlPathEqualTo("/streams/abc")).willReturn(aResponse().withBody("line one\nline two\n")));
        HerokuClient heroku = client();
        List<String> lines = new ArrayList<>();

        // README: logs
        LogSession session = heroku.logSession()
                .logSessionCreate("my-app", new LogSessionCreateOpts().tail(false).lines(100L)).block();
        heroku.lines(session.getLogplexUrl()).doOnNext(lines::add).blockLast();
        // README: end

        assertThat(lines).containsExactly("line one", "line two");
    }

    @Test
    void twoFactor() {
        api.stubFor(any(urlPathEqualTo("/apps/my-app")).willReturn(json(APP)));
        HerokuClient heroku = client();

        // README: two-factor
        heroku.withTwoFactorCode("123456").app().appDelete("my-app").block();
        // README: end

        api.verify(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo("/apps/my-app"))
                .withHeader("Heroku-Two-Factor-Code", com.github.tomakehurst.wiremock.client.WireMock.equalTo("123456")));
    }
}
