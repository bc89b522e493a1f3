package dev.heroku4j.client.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PollingTest {

    @Test
    void waitFor_whenConditionMetOnThirdAnswer_returnsItAfterTwoIntervals() {
        AtomicInteger calls = new AtomicInteger();

        StepVerifier.withVirtualTime(() -> Polling.waitFor(
                        () -> Mono.fromSupplier(() -> calls.incrementAndGet() < 3 ? "pending" : "succeeded"),
                        "succeeded"::equals, Duration.ofSeconds(5), Duration.ofMinutes(1)))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(9))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("succeeded")
                .verifyComplete();
        assertThat(calls).hasValue(3);
    }

    @Test
    void waitFor_whenNeverDone_failsWithLastAnswerAfterTimeout() {
        StepVerifier.withVirtualTime(() -> Polling.waitFor(() -> Mono.just("pending"), "succeeded"::equals,
                        Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(30))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(WaitTimeoutException.class)
                        .hasMessage("Condition not met within PT30S; last answer: pending"))
                .verify();
    }

    @Test
    void waitFor_whenProbeFails_endsWithThatError() {
        StepVerifier.create(Polling.waitFor(() -> Mono.error(new IllegalStateException("boom")), x -> true,
                        Duration.ofMillis(10), Duration.ofSeconds(5)))
                .expectErrorMessage("boom")
                .verify(Duration.ofSeconds(5));
    }
}
