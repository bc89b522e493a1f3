package dev.heroku4j.client.webclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.heroku4j.client.auth.BearerAuth;
import dev.heroku4j.client.error.HerokuErrorFilter;
import dev.heroku4j.client.http.HerokuHeadersFilter;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.http.HerokuWarningFilter;
import dev.heroku4j.client.http.PathSafetyFilter;
import dev.heroku4j.client.http.ReactorConnectors;
import dev.heroku4j.client.http.RequestLoggingFilter;
import dev.heroku4j.client.ratelimit.RateLimitFilter;
import dev.heroku4j.client.ratelimit.RateLimitGovernor;
import dev.heroku4j.client.ratelimit.RateLimitTracker;
import dev.heroku4j.client.retry.RetryFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@code WebClient.Builder} (plain, or Boot's auto-configured one) into a Heroku client:
 * <pre>{@code
 * HerokuWebClientConfigurer heroku = new HerokuWebClientConfigurer(HerokuClientOptions.defaults());
 * WebClient webClient = heroku.configure(WebClient.builder()).build();
 * ApiClient apiClient = new HerokuApiClient(webClient, heroku.options().baseUrl());
 * }</pre>
 * It installs the Reactor Netty connector (timeouts, no redirects, no wiretap), Jackson 3 codecs
 * ({@link HerokuJson}) and these filters, outermost first. A filter sees the request before the ones below it and
 * the response after them; the retry filter re-runs everything below it for each attempt.
 * <ol>
 *   <li>{@link PathSafetyFilter}: refuse bad paths once, before anything is sent or retried;</li>
 *   <li>{@link RetryFilter}: outside all per-attempt work, so each attempt gets a new {@code Request-Id}, a new key
 *       lookup and is logged, counted and governed; it decides on the exceptions raised by the error filter;</li>
 *   <li>{@link RateLimitGovernor} (only when enabled): delays each attempt as the quota runs low;</li>
 *   <li>{@link HerokuHeadersFilter}: User-Agent, fresh Request-Id, Accept, and the key for the API origin only
 *       ({@link BearerAuth});</li>
 *   <li>{@link HerokuErrorFilter}: non-2xx and transport failures to exceptions (seen by retry above);</li>
 *   <li>{@link RequestLoggingFilter}: inside the error filter, so it logs the real status of every attempt;</li>
 *   <li>{@link RateLimitFilter}: reads {@code RateLimit-Remaining} of every response, errors included;</li>
 *   <li>{@link HerokuWarningFilter}: logs Heroku warnings.</li>
 * </ol>
 * The filters are appended after any filters already on the builder. Create one configurer per Heroku account:
 * its {@link #rateLimitTracker()} is shared by every client it configures.
 */
public final class HerokuWebClientConfigurer {

    private final HerokuClientOptions options;
    private final RateLimitTracker rateLimitTracker;
    private final HerokuWarningFilter warnings = new HerokuWarningFilter();

    public HerokuWebClientConfigurer(HerokuClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        RateLimitTracker tracker = options.rateLimitTracker();
        this.rateLimitTracker = tracker != null ? tracker : new RateLimitTracker();
        options.rateLimitListeners().forEach(rateLimitTracker::onSnapshot);
    }

    /** Configures the builder in place and returns it. */
    public WebClient.Builder configure(WebClient.Builder builder) {
        return configure(builder, null);
    }

    /**
     * Configures the builder in place with {@code connector}, or when that is null the options' connector, or
     * heroku4j's own.
     */
    public WebClient.Builder configure(WebClient.Builder builder, @Nullable ClientHttpConnector connector) {
        JsonMapper mapper = options.jsonMapper();
        ClientHttpConnector chosen = connector != null ? connector : options.clientConnector();
        return builder
                .baseUrl(options.baseUrl().toString())
                .clientConnector(chosen != null ? chosen : ReactorConnectors.connector(options.timeouts()))
                .codecs(codecs -> HerokuJson.registerCodecs(codecs, mapper, options.maxInMemorySize()))
                .filters(existing -> existing.addAll(filters()));
    }

    /** {@code configure(WebClient.builder()).build()}. */
    public WebClient build() {
        return configure(WebClient.builder()).build();
    }

    /** The filters in the order they are installed, outermost first (see the class comment). */
    public List<ExchangeFilterFunction> filters() {
        List<ExchangeFilterFunction> filters = new ArrayList<>();
        filters.add(new PathSafetyFilter());
        filters.add(new RetryFilter(options.retry()));
        if (options.governor() != null) {
            filters.add(new RateLimitGovernor(rateLimitTracker, options.governor()));
        }
        filters.add(new HerokuHeadersFilter(options.userAgent(), options.defaultVariant(),
                new BearerAuth(options.apiKeys(), options.baseUrl())));
        filters.add(new HerokuErrorFilter());
        filters.add(new RequestLoggingFilter());
        filters.add(new RateLimitFilter(rateLimitTracker));
        filters.add(warnings);
        return filters;
    }

    public HerokuClientOptions options() {
        return options;
    }

    /** Latest {@code RateLimit-Remaining} of every client this configurer set up, with listeners. */
    public RateLimitTracker rateLimitTracker() {
        return rateLimitTracker;
    }
}
