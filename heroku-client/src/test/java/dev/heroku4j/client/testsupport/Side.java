package dev.heroku4j.client.testsupport;

import java.time.Duration;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;

/**
 * Which of the two clients a test runs a call through: both share one engine, yet each has its own generated API
 * classes, so a behaviour that matters to users is proven on both ({@code @EnumSource(Side.class)}).
 */
public enum Side {

    BLOCKING {
        @Override
        public <T> T call(HerokuClient heroku, Function<HerokuClient, T> blocking,
                          Function<ReactiveHerokuClient, ? extends Publisher<T>> reactive) {
            return blocking.apply(heroku);
        }
    },

    REACTIVE {
        @Override
        public <T> T call(HerokuClient heroku, Function<HerokuClient, T> blocking,
                          Function<ReactiveHerokuClient, ? extends Publisher<T>> reactive) {
            // block() rethrows the call's RuntimeException as it is, like the blocking client
            return Mono.from(reactive.apply(heroku.reactive())).block(Duration.ofSeconds(30));
        }
    };

    /** Runs {@code blocking} on the blocking client, or {@code reactive} on its reactive twin and waits for it. */
    public abstract <T> T call(HerokuClient heroku, Function<HerokuClient, T> blocking,
                               Function<ReactiveHerokuClient, ? extends Publisher<T>> reactive);
}
