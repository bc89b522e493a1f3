package dev.heroku4j.client.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

class RateLimitGovernorTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private final RateLimitGovernor governor = new RateLimitGovernor(new RateLimitTracker(), 450, Duration.ofSeconds(2));

    @Test
    void delayFor_whenAboveThreshold_isZero() {
        assertThat(governor.delayFor(new RateLimitSnapshot(450, T0), T0)).isZero();
        assertThat(governor.delayFor(new RateLimitSnapshot(4000, T0), T0)).isZero();
    }

    @Test
    void delayFor_whenQuotaFalls_risesLinearlyToMaxDelay() {
        assertThat(governor.delayFor(new RateLimitSnapshot(225, T0), T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(governor.delayFor(new RateLimitSnapshot(0, T0), T0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void delayFor_whenReadingIsOld_countsTheRefill() {
        // 225 remaining 180 s ago + 1.25/s * 180 s = 450: refilled up to the threshold
        assertThat(governor.delayFor(new RateLimitSnapshot(225, T0), T0.plusSeconds(180))).isZero();
        assertThat(governor.delayFor(new RateLimitSnapshot(0, T0), T0.plusSeconds(180))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void currentDelay_whenNoReadingYet_isZero() {
        assertThat(governor.currentDelay()).isZero();
    }

    @Test
    void filter_whenQuotaLow_delaysTheCall() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        RateLimitTracker tracker = new RateLimitTracker(Clock.fixed(T0, ZoneOffset.UTC));
        tracker.record(0);
        WebClient client = WebClient.builder().baseUrl(api.baseUrl())
                .filter(new RateLimitGovernor(tracker, 450, Duration.ofMillis(400)))
                .build();

        long start = System.nanoTime();
        client.get().uri("/apps").retrieve().toBodilessEntity().block();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(api.getAllServeEvents()).hasSize(1);
    }
}
