package dev.heroku4j.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.ratelimit.ThrottlePolicy;
import dev.heroku4j.client.retry.RetrySettings;

/**
 * Auto-configuration of both Heroku clients on one engine: a {@link ReactiveHerokuClient} built from Spring Boot's
 * {@link WebClient.Builder} (so Boot's observation and codecs apply), the {@code heroku.*} properties and
 * {@link HerokuClientCustomizer} beans, and the blocking {@link HerokuClient} on it. Each backs off when the
 * application defines its own.
 * Start-up fails, with a {@link org.springframework.boot.diagnostics.FailureAnalyzer failure analysis}, when no API
 * key is found. Base URL and key come from a {@link HerokuConnectionDetails} bean when there is one (a
 * {@code @ServiceConnection}), else from {@code heroku.base-url} and {@code heroku.api-key}.
 *
 * <p>The configuration (properties, the SSL bundle's name, the key) is checked while the bean is made; the expensive part
 * (Boot's WebClient builder, the connector, the WebClient and the invoker, which load Reactor Netty, WebFlux and
 * Jackson classes the first time) is built on a background thread once the context is refreshed, so start-up does
 * not wait for it. A call made before it is done waits for it.
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHerokuClient.class, WebClient.class })
@ConditionalOnBooleanProperty(name = "heroku.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HerokuProperties.class)
public final class HerokuClientAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(HerokuClientAutoConfiguration.class);

    /** Base URL and key from the {@code heroku.*} properties, unless the application (or a service connection) has its own. */
    @Bean
    @ConditionalOnMissingBean(HerokuConnectionDetails.class)
    PropertiesHerokuConnectionDetails herokuConnectionDetails(HerokuProperties properties) {
        return new PropertiesHerokuConnectionDetails(properties);
    }

    /**
     * The reactive client: the engine both beans share. Built from Boot's {@link WebClient.Builder} (its
     * observation and customizers), Boot's connector with the {@code heroku.*} timeouts and SSL bundle, and the
     * {@link HerokuClientCustomizer} beans.
     */
    @Bean
    @ConditionalOnMissingBean({ ReactiveHerokuClient.class, HerokuClient.class })
    ReactiveHerokuClient reactiveHerokuClient(HerokuProperties properties, HerokuConnectionDetails connectionDetails,
            ObjectProvider<WebClient.Builder> webClientBuilder,
            ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<HerokuClientCustomizer> customizers, Environment environment) {
        HerokuPropertyChecks.check(properties, environment);
        HerokuClientBuilder<ReactiveHerokuClient> builder = ReactiveHerokuClient.builder();
        // Boot's builder is prototype-scoped, so each call gives our own instance. Asked for when the client is
        // prepared: creating it builds Boot's default connector, which loads Reactor Netty.
        builder.webClientBuilder(webClientBuilder::getIfAvailable);
        applyProperties(properties, connectionDetails, builder);
        SslBundle bundle = HerokuPropertyChecks.sslBundle(properties.getSslBundle(), sslBundles.getIfAvailable());
        // Boot's connector builder (its customizers apply) with Heroku's timeouts, the SSL bundle, and redirects never
        // followed: one followed inside the connector would bypass the filter that keeps the key on the API host.
        HttpClientSettings api = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, properties.getConnectTimeout(),
                properties.getResponseTimeout(), bundle);
        // Streams (log tails, build output) stay quiet for minutes: no read timeout there.
        HttpClientSettings streams = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, properties.getConnectTimeout(),
                null, bundle);
        builder.clientConnector(() -> connector(connectorBuilder, api));
        builder.streamConnector(() -> connector(connectorBuilder, streams));
        customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
        ReactiveHerokuClient client = builder.build();
        // The client looks the key up lazily, at the first request; resolve it once now so a missing key fails
        // start-up (ApiKeyNotFoundException, explained by HerokuApiKeyFailureAnalyzer) instead of the first call.
        client.config().apiKeys().get();
        return client;
    }

    /**
     * When the application defines only a blocking client: the reactive one on its engine. Lazy, so an application
     * client that is lazy stays uncreated until used.
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean(ReactiveHerokuClient.class)
    @ConditionalOnSingleCandidate(HerokuClient.class)
    ReactiveHerokuClient reactiveHerokuClientOfTheApplicationsClient(HerokuClient herokuClient) {
        return herokuClient.reactive();
    }

    /** The blocking client, on the reactive client's engine. */
    @Bean
    @ConditionalOnMissingBean
    HerokuClient herokuClient(ReactiveHerokuClient reactiveHerokuClient) {
        return reactiveHerokuClient.blocking();
    }

    private static @Nullable ClientHttpConnector connector(ObjectProvider<ClientHttpConnectorBuilder<?>> builder,
            HttpClientSettings settings) {
        ClientHttpConnectorBuilder<?> connectors = builder.getIfAvailable();
        return (connectors != null) ? connectors.build(settings) : null;
    }

    /** Prepares the client singletons off the start-up thread once the context is refreshed, and warms the engine. */
    @Bean
    HerokuClientPreparer herokuClientPreparer(HerokuProperties properties) {
        return new HerokuClientPreparer(properties.isPreinitialize());
    }

    private static void applyProperties(HerokuProperties properties, HerokuConnectionDetails connectionDetails,
            HerokuClientBuilder<?> builder) {
        builder.apiKey(connectionDetails.getApiKey());
        builder.baseUrl(connectionDetails.getBaseUrl());
        if (properties.getUserAgent() != null) {
            builder.userAgent(properties.getUserAgent());
        }
        builder.callTimeout(properties.getCallTimeout());
        builder.connectTimeout(properties.getConnectTimeout());
        builder.responseTimeout(properties.getResponseTimeout());
        HerokuProperties.Retry retry = properties.getRetry();
        builder.retry(RetrySettings.DEFAULTS.withMaxRetries(retry.getMaxRetries())
            .withMaxTotalWait(retry.getMaxTotalWait()));
        HerokuProperties.RateLimit rateLimit = properties.getRateLimit();
        boolean shared = rateLimit.getShared().isEnabled();
        if (shared && !org.springframework.util.ClassUtils.isPresent("io.github.bucket4j.Bucket",
                HerokuClientAutoConfiguration.class.getClassLoader())) {
            logger.warn("heroku.rate-limit.shared.enabled=true, but Bucket4j is not on the classpath "
                    + "(com.bucket4j:bucket4j_jdk17-core with -lettuce or -postgresql): pacing with the local throttle");
        }
        if (rateLimit.isThrottle() || shared) {
            // the shared throttle, when it applies, replaces this one (HerokuSharedThrottleAutoConfiguration)
            builder.rateLimitThrottle(policy(rateLimit));
        } else {
            builder.rateLimitThrottle(false);     // heroku.rate-limit.throttle=false: 429s are only retried
        }
    }

    /** The local throttle's policy from {@code heroku.rate-limit.*} (also the shared throttle's fallback). */
    public static ThrottlePolicy policy(HerokuProperties.RateLimit rateLimit) {
        return new ThrottlePolicy(rateLimit.getThreshold(), rateLimit.getMaxInterval(), rateLimit.isProbe());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class HerokuSanitizingConfiguration {

        /**
         * Masks the key in {@code /actuator/env} and {@code /actuator/configprops} even when values are shown: by
         * name ({@code heroku.api-key}, {@code heroku.apiKey}, {@code HEROKU_API_KEY} and the like), and by value
         * wherever else the key appears inside a text ({@code sun.java.command} with {@code --heroku.api-key=...},
         * {@code SPRING_APPLICATION_JSON}, any property).
         */
        @Bean
        @ConditionalOnMissingBean(name = "herokuApiKeySanitizingFunction")
        SanitizingFunction herokuApiKeySanitizingFunction(HerokuProperties properties,
                ObjectProvider<ReactiveHerokuClient> reactiveClients, ObjectProvider<HerokuClient> clients) {
            HerokuApiKeyMask mask = new HerokuApiKeyMask(properties, reactiveClients, clients);
            return (data) -> {
                if (isHerokuApiKey(data.getKey())) {
                    return data.withSanitizedValue();
                }
                return (data.getValue() instanceof CharSequence text) ? mask.apply(data, text.toString()) : data;
            };
        }

        static boolean isHerokuApiKey(String key) {
            String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            return normalized.endsWith("herokuapikey");
        }

    }

}
