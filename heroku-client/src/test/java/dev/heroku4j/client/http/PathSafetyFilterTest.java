package dev.heroku4j.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;

class PathSafetyFilterTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void stub() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    private static WebClient client() {
        return WebClient.builder().filter(new PathSafetyFilter()).build();
    }

    private static String sentUrl() {
        assertThat(api.getAllServeEvents()).hasSize(1);
        return api.getAllServeEvents().get(0).getRequest().getUrl();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a/b         | /apps/a%2Fb/config-vars",
            "a b         | /apps/a%20b/config-vars",
            "100%        | /apps/100%25/config-vars",
            "été-ü       | /apps/%C3%A9t%C3%A9-%C3%BC/config-vars",
            "x?y#z&w=1   | /apps/x%3Fy%23z%26w%3D1/config-vars",
            "www.ex.com  | /apps/www.ex.com/config-vars"})
    void uri_whenIdentityHasReservedCharacters_encodesItAsOneSegment(String identity, String expected) {
        client().get().uri(api.baseUrl() + "/apps/{app}/config-vars", Map.of("app", identity))
                .retrieve().toBodilessEntity().block();

        assertThat(sentUrl()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void filter_whenIdentityBlankOrDotSegment_refusesWithoutSending(String identity) {
        assertThatThrownBy(() -> client().delete().uri(api.baseUrl() + "/apps/{app}", Map.of("app", identity))
                .retrieve().toBodilessEntity().block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Refusing to send DELETE /apps/{app}");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void filter_whenEmptyMiddleSegment_refuses() {
        assertThatThrownBy(() -> client().patch().uri(api.baseUrl() + "/apps/{app}/config-vars", Map.of("app", ""))
                .retrieve().toBodilessEntity().block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty path segment");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void problem_whenSegmentCountDiffersFromAbsoluteTemplate_reportsIt() {
        assertThat(PathSafetyFilter.problem("/apps/a/b", "https://api.heroku.com/apps/{app}"))
                .isEqualTo("expanded to 3 segments, but the template has 2");
        assertThat(PathSafetyFilter.problem("/apps/%2E%2E", "https://api.heroku.com/apps/{app}"))
                .isEqualTo("'..' path segment");
        assertThat(PathSafetyFilter.problem("/apps/a", "https://api.heroku.com/apps/{app}?x={x}")).isNull();
    }

    @Test
    void problem_whenRelativeTemplateUnderBasePath_checksTheTail() {
        assertThat(PathSafetyFilter.problem("/v1/apps/a", "/apps/{app}")).isNull();
        assertThat(PathSafetyFilter.problem("/v1/apps/a/b", "/apps/{app}"))
                .isEqualTo("segment 3 does not match the template's 'apps'");
        assertThat(PathSafetyFilter.problem("/", "/")).isNull();
    }

    @Test
    void problem_walksEverySegment_trailingAndDoubleSlashesBlanksAndDotsIncluded() {
        assertThat(PathSafetyFilter.problem("/apps/", null)).isEqualTo("empty path segment (a blank identity?)");
        assertThat(PathSafetyFilter.problem("//", null)).isEqualTo("empty path segment (a blank identity?)");
        assertThat(PathSafetyFilter.problem("/apps/ /x", null)).isEqualTo("blank path segment (an identity of spaces?)");
        assertThat(PathSafetyFilter.problem("/apps/%20%20", null)).isEqualTo("blank path segment (an identity of spaces?)");
        assertThat(PathSafetyFilter.problem("/apps/../x", null)).isEqualTo("'..' path segment");
        assertThat(PathSafetyFilter.problem("/./apps", null)).isEqualTo("'.' path segment");
        assertThat(PathSafetyFilter.problem("/apps/.x./a..", null)).isNull();
        assertThat(PathSafetyFilter.problem("", null)).isNull();
        assertThat(PathSafetyFilter.problem("/apps/a/config-var", "/apps/{app}/config-vars"))
                .isEqualTo("segment 3 does not match the template's 'config-vars'");
        assertThat(PathSafetyFilter.problem("/apps/a/config-vars", "/apps/{app}/config-vars")).isNull();
    }
}
