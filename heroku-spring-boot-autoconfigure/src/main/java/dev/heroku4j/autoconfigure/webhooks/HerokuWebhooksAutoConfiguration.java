package dev.heroku4j.autoconfigure.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.WebFilter;

import dev.heroku4j.client.webhook.WebhookVerifier;

/**
 * Auto-configuration of the Heroku webhook endpoint, when {@code heroku.webhooks.secret} is set: a servlet filter
 * in a servlet application (Spring MVC), a web filter in a reactive one (WebFlux), on {@code heroku.webhooks.path}
 * only. With Spring Security the endpoint runs inside each filter chain ({@link WebhookSecurityConfiguration}). Verified events are published as {@link HerokuWebhookEvent}s and
 * given to {@link HerokuWebhookListener} methods and {@link HerokuWebhookHandler} beans, once per delivery.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@Conditional(OnWebhookSecretCondition.class)
@EnableConfigurationProperties(HerokuWebhookProperties.class)
@Import({ WebhookSecurityConfiguration.Servlet.class, WebhookSecurityConfiguration.Reactive.class })
public final class HerokuWebhooksAutoConfiguration {

    /**
     * Just after Spring Security's filter (-100 in both stacks), whose chains answer the endpoint themselves when they
     * cover its path, and ahead of the application's own filters, which might read the body.
     */
    static final int FILTER_ORDER = -100 + 10;

    @Bean
    static HerokuWebhookListenerMethods herokuWebhookListenerMethods() {
        return new HerokuWebhookListenerMethods();
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookVerifier herokuWebhookVerifier(HerokuWebhookProperties properties) {
        HerokuWebhookPropertyChecks.check(properties);
        return WebhookVerifier.builder()
                .secrets(properties.getSecret())
                .authorization(properties.getAuthorization())
                .maxBodyBytes((int) properties.getMaxBodySize().toBytes())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    HerokuWebhookDeliveryStore herokuWebhookDeliveryStore(HerokuWebhookProperties properties) {
        return new InMemoryHerokuWebhookDeliveryStore(properties.getDuplicateWindow());
    }

    @Bean
    @ConditionalOnMissingBean
    HerokuWebhookReceiver herokuWebhookReceiver(WebhookVerifier verifier, HerokuWebhookDeliveryStore store,
            ApplicationEventPublisher publisher, ObjectProvider<HerokuWebhookMetrics> metrics) {
        return new HerokuWebhookReceiver(verifier, store, publisher, metrics.getIfAvailable(() -> HerokuWebhookMetrics.NONE));
    }

    @Bean
    HerokuWebhookDispatcher herokuWebhookDispatcher(ObjectProvider<HerokuWebhookHandler> handlers,
            HerokuWebhookListenerMethods methods) {
        return new HerokuWebhookDispatcher(List.copyOf(handlers.orderedStream().toList()), methods);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ Filter.class, FilterRegistrationBean.class })
    static class ServletEndpoint {

        @Bean
        @ConditionalOnMissingBean(name = "herokuWebhookFilter")
        FilterRegistrationBean<HerokuWebhookServletFilter> herokuWebhookFilter(HerokuWebhookProperties properties,
                HerokuWebhookReceiver receiver) {
            FilterRegistrationBean<HerokuWebhookServletFilter> registration = new FilterRegistrationBean<>(
                    new HerokuWebhookServletFilter(properties.getPath(), receiver));
            registration.addUrlPatterns(properties.getPath());
            registration.setOrder(FILTER_ORDER);
            registration.setName("herokuWebhookFilter");
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    static class ReactiveEndpoint {

        @Bean
        @ConditionalOnMissingBean
        HerokuWebhookWebFilter herokuWebhookWebFilter(HerokuWebhookProperties properties,
                HerokuWebhookReceiver receiver) {
            return new HerokuWebhookWebFilter(properties.getPath(), receiver);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Sanitizing {

        /**
         * Masks the secrets and the authorization value in {@code /actuator/env} and {@code /actuator/configprops}
         * even when values are shown: by name ({@code heroku.webhooks.secret[0]}, {@code HEROKU_WEBHOOKS_SECRET},
         * ...), and by value wherever else one appears inside a text (a command line).
         */
        @Bean
        @ConditionalOnMissingBean(name = "herokuWebhookSecretSanitizingFunction")
        SanitizingFunction herokuWebhookSecretSanitizingFunction(HerokuWebhookProperties properties) {
            List<String> values = new ArrayList<>(properties.getSecret());
            values.add(properties.getAuthorization());
            List<String> masked = values.stream().filter(v -> v != null && v.strip().length() >= 8).map(String::strip).toList();
            return data -> {
                String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                if (key.startsWith("herokuwebhookssecret") || key.startsWith("herokuwebhooksauthorization")) {
                    return data.withSanitizedValue();
                }
                if (data.getValue() instanceof CharSequence text) {
                    String shown = text.toString();
                    for (String value : masked) {
                        shown = shown.replace(value, "******");
                    }
                    return shown.contentEquals(text) ? data : data.withValue(shown);
                }
                return data;
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        HerokuWebhookMetrics herokuWebhookMetrics(MeterRegistry registry) {
            return new MicrometerHerokuWebhookMetrics(registry);
        }
    }
}
