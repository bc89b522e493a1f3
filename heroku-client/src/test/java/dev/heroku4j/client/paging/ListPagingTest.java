package dev.heroku4j.client.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.error.HerokuPagingException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.testsupport.Side;

/** Heroku's list paging as the generated list methods of both clients do it, against a loopback stub. */
class ListPagingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final int TOTAL = 2_500;
    static final int PAGE = 200; // Heroku's default page size
    static final int PAGES = 13; // 12 full pages and one of 100

    // the rate-limit throttle off: these tests count the requests paging sends (its probe is ThrottleFilterTest's)
    private final HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl())
            .retry(RetrySettings.disabled()).rateLimitThrottle(false).build();

    static UUID id(int i) {
        return new UUID(0, i);
    }

    static String name(int i) {
        return String.format("app-%04d", i);
    }

    /** Heroku's Next-Range after page {@code page}: the sort field, after the page's last id, and the page size. */
    static String nextRange(int page) {
        return "id ]" + id((page + 1) * PAGE - 1) + "..; max=" + PAGE;
    }

    static ResponseDefinitionBuilder page(int status, String body, @Nullable String next) {
        ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body);
        return next == null ? r : r.withHeader("Next-Range", next);
    }

    /** 2,500 apps in pages of 200: the first asked for without Range, each 206 with Next-Range but the last, a 200. */
    static void stubTwoThousandFiveHundredApps() {
        for (int p = 0; p < PAGES; p++) {
            String items = IntStream.range(p * PAGE, Math.min(TOTAL, (p + 1) * PAGE))
                    .mapToObj(i -> "{\"id\": \"" + id(i) + "\", \"name\": \"" + name(i) + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            boolean last = p == PAGES - 1;
            MappingBuilder request = get(urlPathEqualTo("/apps"))
                    .withHeader("Range", p == 0 ? absent() : equalTo(nextRange(p - 1)));
            api.stubFor(request.willReturn(last ? page(200, items, null) : page(206, items, nextRange(p))));
        }
    }

    /** The Range header of each request, oldest first ("-" for none). */
    static List<String> sentRanges() {
        List<String> ranges = new ArrayList<>(api.getAllServeEvents().stream()
                .map(e -> e.getRequest().containsHeader("Range") ? e.getRequest().getHeader("Range") : "-").toList());
        Collections.reverse(ranges); // WireMock lists the newest first
        return ranges;
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void appList_returnsEveryItemOfAllThirteenPages_inThirteenRequests(Side side) {
        stubTwoThousandFiveHundredApps();

        List<App> all = side.call(heroku, h -> h.app().appList().toList(), r -> r.app().appList().collectList());

        assertThat(all).hasSize(TOTAL);
        assertThat(all).extracting(App::getName)
                .containsExactlyElementsOf(IntStream.range(0, TOTAL).mapToObj(ListPagingTest::name).toList());
        List<String> expected = new ArrayList<>(List.of("-"));
        IntStream.range(0, PAGES - 1).mapToObj(ListPagingTest::nextRange).forEach(expected::add);
        assertThat(sentRanges()).hasSize(PAGES).containsExactlyElementsOf(expected);
    }

    @Test
    void blockingIteration_pagesAsItGoes() {
        stubTwoThousandFiveHundredApps();
        int seen = 0;

        for (App app : heroku.app().appList()) {
            assertThat(app.getName()).isEqualTo(name(seen));
            seen++;
            if (seen == PAGE + 1) {
                assertThat(api.getAllServeEvents()).as("the second page, once the first was used up").hasSize(2);
                break;
            }
        }
        try (Stream<App> apps = heroku.app().appList().stream()) {
            assertThat(apps.count()).isEqualTo(TOTAL);
        }
        assertThat(api.getAllServeEvents()).hasSize(2 + PAGES);
    }

    @Test
    void reactiveTakeFive_sendsOneRequest() throws InterruptedException {
        stubTwoThousandFiveHundredApps();

        List<App> five = heroku.reactive().app().appList().take(5).collectList().block(Duration.ofSeconds(10));

        assertThat(five).extracting(App::getName).containsExactly(name(0), name(1), name(2), name(3), name(4));
        Thread.sleep(200); // a page fetched ahead of demand would arrive now
        assertThat(sentRanges()).containsExactly("-");
    }

    @Test
    void blockingStreamLimitFive_sendsOneRequest() throws InterruptedException {
        stubTwoThousandFiveHundredApps();
        List<App> five;

        try (Stream<App> apps = heroku.app().appList().stream()) {
            five = apps.limit(5).toList();
        }

        assertThat(five).extracting(App::getName).containsExactly(name(0), name(1), name(2), name(3), name(4));
        Thread.sleep(200);
        assertThat(sentRanges()).containsExactly("-");
        assertThat(heroku.app().appList().first()).hasValueSatisfying(a -> assertThat(a.getName()).isEqualTo(name(0)));
        assertThat(sentRanges()).containsExactly("-", "-");
    }

    @Test
    void eachSubscriptionOrIteration_listsAgainFromTheStart() {
        api.stubFor(get(urlPathEqualTo("/apps")).willReturn(page(200, "[{\"name\": \"a\"}]", null)));
        PagedFlux<App> flux = heroku.reactive().app().appList();
        PagedIterable<App> iterable = heroku.app().appList();

        assertThat(api.getAllServeEvents()).as("nothing until used").isEmpty();
        flux.collectList().block();
        flux.collectList().block();
        iterable.toList();
        iterable.iterator().next();

        assertThat(api.getAllServeEvents()).hasSize(4);
        assertThat(iterable.flux().collectList().block()).extracting(App::getName).containsExactly("a");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void appList_whenNextRangeCyclesBackToAPageAlreadyFetched_failsInsteadOfLooping(Side side) {
        // page A -> page B -> page A again
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", absent())
                .willReturn(page(206, "[{\"name\": \"a\"}]", "name ]a..; max=1")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ]a..; max=1"))
                .willReturn(page(206, "[{\"name\": \"b\"}]", "name ..; max=1")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ..; max=1"))
                .willReturn(page(206, "[{\"name\": \"a\"}]", "name ]a..; max=1")));

        assertThatThrownBy(() -> side.call(heroku, h -> h.app().appList().toList(), r -> r.app().appList().collectList()))
                .isInstanceOf(HerokuPagingException.class)
                .hasMessageContaining("name ]a..; max=1");
        assertThat(api.getAllServeEvents()).hasSizeLessThanOrEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void appList_whenStartedAtARangeAndPointedBackToIt_fails(Side side) {
        Range start = Range.by("name").withMax(1);
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ..; max=1"))
                .willReturn(page(206, "[{\"name\": \"a\"}]", "name ]a..; max=1")));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ]a..; max=1"))
                .willReturn(page(206, "[{\"name\": \"b\"}]", "name ..; max=1")));

        assertThatThrownBy(() -> side.call(heroku, h -> h.app().appList(start).toList(), r -> r.app().appList(start).collectList()))
                .isInstanceOf(HerokuPagingException.class);
        assertThat(api.getAllServeEvents()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void appList_withRange_sendsItAsGiven_andA200EndsTheListEvenWithNextRange(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ..; max=1000, order=desc"))
                .willReturn(page(200, "[{\"name\": \"b\"}, {\"name\": \"a\"}]", "name ]a..; max=1000, order=desc")));
        Range range = Range.by("name").withMax(1000).descending();

        List<App> apps = side.call(heroku, h -> h.app().appList(range).toList(), r -> r.app().appList(range).collectList());

        assertThat(apps).extracting(App::getName).containsExactly("b", "a");
        assertThat(api.getAllServeEvents()).hasSize(1);
    }
}
