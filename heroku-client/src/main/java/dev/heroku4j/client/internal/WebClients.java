package dev.heroku4j.client.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import dev.heroku4j.client.HerokuConfig;
import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.error.HerokuErrorFilter;
import dev.heroku4j.client.http.HerokuRequestHeaders;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HttpConnectors;
import dev.heroku4j.client.http.PathSafetyFilter;
import dev.heroku4j.client.ratelimit.Throttle;
import dev.heroku4j.client.ratelimit.ThrottleFilter;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.retry.RetryFilter;

/**
 * Makes the two {@code WebClient}s of one engine from one {@link HerokuConfig}, both from the same starting builder
 * (Spring Boot's, with its observation and customizers, when given) and the same User-Agent:
 * <ul>
 *   <li>the API client, with these filters, outermost first:
 *   <ol>
 *     <li>{@link PathSafetyFilter}: refuses a path whose segments do not line up with its template, once, before
 *         anything is paced, sent or retried;</li>
 *     <li>{@link RetryFilter}: outside everything that varies per attempt, so each retry gets a fresh Request-Id
 *         and the throttle's delay;</li>
 *     <li>{@link ThrottleFilter} (unless the throttle is switched off): paces each attempt as the quota runs low, and
 *         hears of each 429 as the exception the next filter raised;</li>
 *     <li>{@link HerokuExchangeFilter}: all that each attempt needs without waiting, with no copy of the request: User-Agent,
 *         fresh Request-Id, Accept, the key for the API origin only; then, on the answer, warnings, the
 *         {@code RateLimit-Remaining} of every response (errors included), the request log with the real status,
 *         and non-2xx and transport failures as exceptions (seen by throttle and retry above).</li>
 *   </ol>
 *   Retry and throttle wait, so they stay filters of their own; the rest were separate filters once, merged because
 *   each filter and each request copy cost allocation on every call (benchmarks, figure 1c).</li>
 *   <li>the stream client, for log sessions, build output and source uploads on other hosts: the User-Agent and
 *       error mapping, never the key, and a connector without a response timeout.</li>
 * </ul>
 */
final class WebClients {

    private WebClients() {
    }

    static WebClient api(HerokuConfig config, RateLimitTracker tracker, @Nullable Throttle throttle) {
        ClientHttpConnector connector = config.connector() == null ? null : config.connector().get();
        JsonMapper mapper = config.effectiveJsonMapper();
        return start(config)
                .clientConnector(connector != null ? connector : HttpConnectors.api(config.timeouts()))
                .codecs(codecs -> HerokuJson.registerCodecs(codecs, mapper, config.maxInMemorySize()))
                .codecs(WebClients::neverLogRequestDetails)
                .filters(existing -> existing.addAll(apiFilters(config, tracker, throttle)))
                .build();
    }

    static WebClient streams(HerokuConfig config) {
        ClientHttpConnector connector = config.streamConnector() == null ? null : config.streamConnector().get();
        if (connector == null && config.connector() != null) {
            connector = config.connector().get();
        }
        return start(config)
                .clientConnector(connector != null ? connector : HttpConnectors.streams(config.timeouts()))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(dev.heroku4j.client.streaming.ResumableLines.MAX_LINE_LENGTH))
                .codecs(WebClients::neverLogRequestDetails)
                .defaultHeader(HttpHeaders.USER_AGENT, config.userAgent())
                .filter(new HerokuErrorFilter())
                .build();
    }

    /*
     * Spring logs request headers (Authorization: Bearer <key>) and query strings (a log session's token) at TRACE
     * when any codec has request-details logging on, as Boot's spring.http.codecs.log-request-details=true does
     * through its codec customizer. Applied after that customizer (it ran when Boot's builder was made), so it wins.
     */
    private static void neverLogRequestDetails(org.springframework.http.codec.ClientCodecConfigurer codecs) {
        codecs.defaultCodecs().enableLoggingRequestDetails(false);
    }

    private static WebClient.Builder start(HerokuConfig config) {
        WebClient.@Nullable Builder given = config.webClientBuilder() == null ? null : config.webClientBuilder().get();
        // cloned, so that a build that failed half-way leaves nothing behind for the next attempt
        return given == null ? WebClient.builder() : given.clone();
    }

    static List<ExchangeFilterFunction> apiFilters(HerokuConfig config, RateLimitTracker tracker) {
        return apiFilters(config, tracker, config.throttle() == null ? null
                : config.throttle().create(tracker, config.apiKeys()));
    }

    static List<ExchangeFilterFunction> apiFilters(HerokuConfig config, RateLimitTracker tracker,
                                                   @Nullable Throttle throttle) {
        List<ExchangeFilterFunction> filters = new ArrayList<>();
        filters.add(new PathSafetyFilter());
        filters.add(new RetryFilter(config.retry()));
        if (throttle != null) {
            filters.add(new ThrottleFilter(throttle, config.baseUrl()));
        }
        filters.add(new HerokuExchangeFilter(new HerokuRequestHeaders(config.userAgent(), "3"),
                new BearerAuth(config.apiKeys(), config.baseUrl()), tracker));
        return filters;
    }
}
