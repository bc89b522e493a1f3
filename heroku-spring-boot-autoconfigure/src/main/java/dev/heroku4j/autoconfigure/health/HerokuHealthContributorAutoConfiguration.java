package dev.heroku4j.autoconfigure.health;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;

import dev.heroku4j.autoconfigure.HerokuClientAutoConfiguration;
import dev.heroku4j.autoconfigure.HerokuProperties;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.health.HerokuHealthIndicator;

/**
 * Auto-configuration of the {@code heroku} health indicator ({@link HerokuHealthIndicator}), one per
 * {@link ReactiveHerokuClient} bean. Turned off with {@code management.health.heroku.enabled=false}.
 */
@AutoConfiguration(after = HerokuClientAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHerokuClient.class, HerokuHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBooleanProperty(name = "heroku.enabled", matchIfMissing = true)
@ConditionalOnBean(ReactiveHerokuClient.class)
@EnableConfigurationProperties(HerokuProperties.class)
public final class HerokuHealthContributorAutoConfiguration
        extends CompositeReactiveHealthContributorConfiguration<HerokuHealthIndicator, ReactiveHerokuClient> {

    HerokuHealthContributorAutoConfiguration(HerokuProperties properties) {
        super((client) -> new HerokuHealthIndicator(client, properties.getHealth().getTimeout()));
    }

    // On the method, not the class: class conditions are evaluated first, so without spring-boot-health the
    // @ConditionalOnClass above skips this configuration before the health condition class is ever loaded.
    @Bean
    @ConditionalOnEnabledHealthIndicator("heroku")
    @ConditionalOnMissingBean(name = { "herokuHealthIndicator", "herokuHealthContributor" })
    ReactiveHealthContributor herokuHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, ReactiveHerokuClient.class);
    }

}
