package dev.heroku4j.client.ratelimit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the filter does with the throttle's answer: no wait, a wait, a failure; each attempt asks again. */
class ThrottleFilterWaitTest {

    private final List<Long> sentAt = new ArrayList<>();

    private final ExchangeFunction server = (request) -> Mono.fromSupplier(() -> {
        sentAt.add(System.nanoTime());
        return ClientResponse.create(HttpStatus.OK).build();
    });

    private final ClientRequest request = ClientRequest.create(HttpMethod.GET, URI.create("https://api.invalid/apps/a")).build();

    @Test
    void noWait_sendsAtOnce_andEverySubscriptionAsksTheThrottleAgain() {
        Counting throttle = new Counting(Mono::empty);
        Mono<ClientResponse> call = new ThrottleFilter(throttle, URI.create("https://api.invalid")).filter(request, server);
        assertThat(sentAt).as("nothing sent before subscription").isEmpty();
        assertThat(call.block().statusCode().value()).isEqualTo(200);
        call.block();
        assertThat(sentAt).hasSize(2);
        assertThat(throttle.asked).isEqualTo(2);
    }

    @Test
    void aWait_sendsOnlyAfterIt() {
        Counting throttle = new Counting(() -> Mono.delay(Duration.ofMillis(300)).then());
        long start = System.nanoTime();
        new ThrottleFilter(throttle, URI.create("https://api.invalid")).filter(request, server).block();
        assertThat(sentAt).hasSize(1);
        assertThat(Duration.ofNanos(sentAt.get(0) - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aThrottleThatFails_failsTheCall_andSendsNothing() {
        Counting throttle = new Counting(() -> Mono.error(new IllegalStateException("store gone")));
        assertThatThrownBy(() -> new ThrottleFilter(throttle, URI.create("https://api.invalid")).filter(request, server).block())
            .hasMessage("store gone");
        assertThat(sentAt).isEmpty();
    }

    private static final class Counting implements Throttle {

        private final Supplier<Mono<Void>> answer;

        private int asked;

        Counting(Supplier<Mono<Void>> answer) {
            this.answer = answer;
        }

        @Override
        public Mono<Void> acquire() {
            asked++;
            return answer.get();
        }

        @Override
        public void onLimited(@Nullable Duration retryAfter) {
        }

        @Override
        public boolean needsProbe() {
            return false;
        }

        @Override
        public ThrottleStats stats() {
            return new ThrottleStats("test", "test", Duration.ZERO, 0, 0, null);
        }
    }
}
