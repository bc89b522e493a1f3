package dev.heroku4j.health;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.ratelimit.Throttle;

/**
 * Reports whether the Heroku Platform API answers with the configured key, by calling {@code GET /account/rate-limits}
 * (which costs no quota). UP carries the {@code remaining} quota and the {@code baseUrl}; DOWN carries Heroku's error
 * {@code id} and HTTP {@code status}, or {@code connection_failed} when no answer came (with the
 * {@code outcome}), or {@code timeout} when the time limit passed first. The check is sent once, without the
 * client's retries: a refused connection is reported as such at once, rather than as a timeout after the backoff
 * outlasted the limit. The key never appears in the details. With a rate-limit throttle, {@code throttle} names the
 * one pacing calls now ({@code local}, {@code shared-redis}, {@code shared-postgresql}; {@code local} while a shared
 * store is unreachable, with {@code sharedStore: unreachable}); a store that is down does not make the client DOWN.
 */
public class HerokuHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveHerokuClient client;

    private final Duration timeout;

    /**
     * Creates an indicator.
     * @param client the client to check
     * @param timeout the time limit of one check; slower answers are reported as DOWN
     */
    public HerokuHealthIndicator(ReactiveHerokuClient client, Duration timeout) {
        super("Heroku health check failed");
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        this.client.rateLimitThrottle().map(Throttle::stats).ifPresent((stats) -> {
            builder.withDetail("throttle", stats.active());
            if (stats.storeUp() != null) {
                builder.withDetail("sharedStore", stats.storeUp() ? "up" : "unreachable");
            }
        });
        String baseUrl = displayUrl(this.client.config().baseUrl());
        return this.client.withoutRetries()
            .rateLimit()
            .rateLimitInfo()
            .timeout(this.timeout)
            .map((rateLimit) -> builder.up()
                .withDetail("remaining", (rateLimit.getRemaining() != null) ? rateLimit.getRemaining() : "unknown")
                .withDetail("baseUrl", baseUrl)
                .build())
            .onErrorResume((ex) -> Mono.just(down(builder, baseUrl, ex)));
    }

    private Health down(Health.Builder builder, String baseUrl, Throwable ex) {
        builder.down().withDetail("baseUrl", baseUrl);
        if (ex instanceof HerokuApiException api) {
            builder.withDetail("status", api.status());
            builder.withDetail("error", (api.id() != null) ? api.id() : "http_" + api.status());
            if (api.herokuMessage() != null) {
                builder.withDetail("message", api.herokuMessage());
            }
        }
        else if (ex instanceof TimeoutException) {
            builder.withDetail("error", "timeout").withDetail("timeout", this.timeout.toString());
        }
        else if (ex instanceof HerokuTransportException) {
            builder.withDetail("error", "connection_failed")
                .withDetail("outcome", ((HerokuTransportException) ex).outcome().name())
                .withDetail("message", String.valueOf(ex.getMessage()));
        }
        else {
            builder.withDetail("error", ex.getClass().getName());
        }
        return builder.build();
    }

    /** The base URL without any user info, which could carry credentials. */
    private static String displayUrl(URI url) {
        return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
                + ((url.getRawPath() != null) ? url.getRawPath() : "");
    }

}
