package dev.heroku4j.client.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.heroku4j.client.error.HerokuPagingException;

class PagingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    record App(String name) {
    }

    // Heroku's Next-Range values, odd spacing included: they must come back byte for byte.
    static final String FIRST = "name ..; max=2";
    static final String SECOND = "name ]app-2..; max=2";
    static final String THIRD = "name ]app-4..;  max=2";

    private final WebClient webClient = WebClient.create(api.baseUrl());

    /** A "fetch one page" function as the engine hands Paging one: the {@code Range} value to send, or null. */
    private final Function<@Nullable String, Mono<ResponseEntity<List<App>>>> appList = range -> webClient.get()
            .uri("/apps")
            .headers(h -> {
                if (range != null) {
                    h.set("Range", range);
                }
            })
            .retrieve()
            .toEntityList(App.class);

    private static ResponseDefinitionBuilder page(int status, String body, @Nullable String nextRange) {
        ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body);
        return nextRange == null ? r : r.withHeader("Next-Range", nextRange);
    }

    @BeforeEach
    void threePages() {
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo(FIRST))
                .willReturn(page(206, "[{\"name\":\"app-1\"},{\"name\":\"app-2\"}]", SECOND)));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo(SECOND))
                .willReturn(page(206, "[{\"name\":\"app-3\"},{\"name\":\"app-4\"}]", THIRD)));
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo(THIRD))
                .willReturn(page(200, "[{\"name\":\"app-5\"}]", null)));
    }

    private static List<String> sentRanges() {
        List<String> newestFirst = api.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("Range")).toList();
        return java.util.stream.IntStream.range(0, newestFirst.size())
                .mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i)).toList();
    }

    @Test
    void all_whenThreePages_followsNextRangeExactlyToTheEnd() {
        List<String> names = Paging.all(appList, Range.by("name").withMax(2)).map(App::name).collectList().block();

        assertThat(names).containsExactly("app-1", "app-2", "app-3", "app-4", "app-5");
        assertThat(sentRanges()).containsExactly(FIRST, SECOND, THIRD);
    }

    @Test
    void all_whenDemandLimited_fetchesNextPageOnlyWhenMoreIsRequested() {
        StepVerifier.create(Paging.all(appList, FIRST).map(App::name), 0)
                .thenAwait(Duration.ofMillis(200))
                .then(() -> assertThat(api.getAllServeEvents()).isEmpty()) // lazy: nothing before the first request
                .thenRequest(2)
                .expectNext("app-1", "app-2")
                .thenAwait(Duration.ofMillis(300))
                .then(() -> assertThat(sentRanges()).containsExactly(FIRST)) // page 1 consumed, page 2 not wanted yet
                .thenRequest(1)
                .expectNext("app-3")
                .then(() -> assertThat(sentRanges()).containsExactly(FIRST, SECOND))
                .thenRequest(1)
                .expectNext("app-4")
                .thenAwait(Duration.ofMillis(200))
                .then(() -> assertThat(sentRanges()).containsExactly(FIRST, SECOND))
                .thenRequest(10)
                .expectNext("app-5")
                .verifyComplete();
        assertThat(sentRanges()).containsExactly(FIRST, SECOND, THIRD);
    }

    @Test
    void all_whenTakeFewerThanAPage_fetchesOnePage() {
        List<String> names = Paging.all(appList, FIRST).take(1).map(App::name).collectList().block();

        assertThat(names).containsExactly("app-1");
        assertThat(sentRanges()).containsExactly(FIRST);
    }

    @Test
    void page_whenPartialContent_returnsItemsAndNextRange() {
        Page<App> first = Paging.page(appList, FIRST).block();

        assertThat(first.items()).extracting(App::name).containsExactly("app-1", "app-2");
        assertThat(first.nextRange()).isEqualTo(SECOND);
        assertThat(first.hasNext()).isTrue();
        assertThat(Paging.page(appList, THIRD).block().hasNext()).isFalse();
    }

    @Test
    void all_whenNoRange_sendsNoRangeHeader() {
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", absent())
                .willReturn(page(200, "[{\"name\":\"only\"}]", "ignored ]x..")));

        assertThat(Paging.all(appList, (String) null).map(App::name).collectList().block()).containsExactly("only");
    }

    @Test
    void all_whenServerRepeatsTheSameRange_failsInsteadOfLooping() {
        api.stubFor(get(urlPathEqualTo("/apps")).withHeader("Range", equalTo("loop ..")).willReturn(page(206, "[]", "loop ..")));

        StepVerifier.create(Paging.all(appList, "loop .."))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HerokuPagingException.class)
                        .hasMessageContaining("'loop ..'").hasMessageContaining("endless loop"))
                .verify(Duration.ofSeconds(60)); // a bound, not a timing: a loop would never end
        assertThat(sentRanges()).containsExactly("loop ..");
    }

    @Test
    void all_whenNextRangeNeverEnds_stopsAtThePageBound_withHerokuPagingException() {
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        Function<@Nullable String, Mono<ResponseEntity<List<App>>>> endless = range -> {
            int n = fetched.incrementAndGet();
            return Mono.just(ResponseEntity.status(206).header("Next-Range", "name ]app-" + n + "..; max=1")
                    .body(List.of(new App("app-" + n))));
        };

        StepVerifier.create(Paging.all(endless, (String) null, 5))
                .expectNextCount(4)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HerokuPagingException.class)
                        .hasMessageContaining("after 5 pages"))
                .verify(Duration.ofSeconds(10));
        assertThat(fetched).hasValue(5);
        assertThat(Paging.MAX_PAGES).isEqualTo(100_000);
    }
}
