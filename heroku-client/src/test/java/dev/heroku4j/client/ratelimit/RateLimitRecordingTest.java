package dev.heroku4j.client.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.heroku4j.client.testsupport.Scenarios.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.http.HerokuRequestHeaders;
import dev.heroku4j.client.internal.HerokuExchangeFilter;
import dev.heroku4j.client.error.HerokuRateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

/** {@code RateLimit-Remaining} as the engine records it (its one per-attempt filter), errors included. */
class RateLimitRecordingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void filter_whenSuccessAndErrorResponses_recordsEveryRemainingValue() {
        respondInOrder(api,
                aResponse().withStatus(200).withHeader("RateLimit-Remaining", "4499"),
                aResponse().withStatus(200).withHeader("RateLimit-Remaining", "12"),
                aResponse().withStatus(429).withHeader("RateLimit-Remaining", "0")
                        .withBody("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}"));
        RateLimitTracker tracker = new RateLimitTracker();
        List<Integer> remaining = new CopyOnWriteArrayList<>();
        List<RateLimitSnapshot> snapshots = new CopyOnWriteArrayList<>();
        tracker.onRemaining(remaining::add);
        tracker.onSnapshot(snapshots::add);
        WebClient client = WebClient.builder().baseUrl(api.baseUrl())
                .filter(new HerokuExchangeFilter(new HerokuRequestHeaders("heroku4j/test", "3"),
                        new BearerAuth(() -> ApiKey.of("the-key", "test"), URI.create(api.baseUrl())), tracker))
                .build();

        assertThat(tracker.current()).isEmpty();
        client.get().uri("/apps").retrieve().toBodilessEntity().block();
        client.get().uri("/apps").retrieve().toBodilessEntity().block();
        assertThatThrownBy(() -> client.get().uri("/apps").retrieve().toBodilessEntity().block())
                .isInstanceOf(HerokuRateLimitException.class);

        assertThat(remaining).containsExactly(4499, 12, 0);
        assertThat(snapshots).extracting(RateLimitSnapshot::remaining).containsExactly(4499, 12, 0);
        assertThat(tracker.remaining()).hasValue(0);
    }

    @Test
    void onRemaining_whenClosedOrThrowing_doesNotDisturbRecording() {
        RateLimitTracker tracker = new RateLimitTracker();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        RateLimitTracker.Registration subscription = tracker.onRemaining(seen::add);
        tracker.onRemaining(r -> {
            throw new IllegalStateException("listener bug");
        });

        tracker.record(10);
        subscription.close();
        tracker.record(9);

        assertThat(seen).containsExactly(10);
        assertThat(tracker.remaining()).hasValue(9);
    }
}
