package dev.heroku4j.sample;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.ApiKeyNotFoundException;
import dev.heroku4j.client.auth.ApiKeyResolver;
import dev.heroku4j.client.http.Urls;
import dev.heroku4j.client.webhook.WebhookRegistrar;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.seed.Seeds;

/**
 * The sample's embedded default: when no Heroku API key is configured anywhere ({@code heroku.api-key},
 * {@code HEROKU_API_KEY}, the netrc file), starts the {@link HerokuSimulator} in-process with the demo seed and points
 * the client at it ({@code heroku.base-url} and a dummy {@code heroku.api-key}, as the highest-precedence property
 * source {@value #PROPERTY_SOURCE_NAME}). With a key, nothing changes: the client talks to {@code heroku.base-url}
 * ({@code https://api.heroku.com} by default). On the simulator it also sets a fresh {@code heroku.webhooks.secret}
 * (unless one is configured), so the webhook endpoint exists and {@link WebhookSelfRegistration} can subscribe it.
 *
 * <p>Why {@link ApplicationPreparedEvent}: every property source is in place by then (application.yml, the command
 * line, test properties including {@code @DynamicPropertySource}), and no bean exists yet, so the decision is made
 * before the {@code HerokuClient} is created. The key is looked up with the client's own {@link ApiKeyResolver}, so a
 * netrc entry counts; the environment variables and {@code user.home} are read through Spring's {@link Environment}
 * (which includes the OS environment and system properties), so tests can override them with properties.
 *
 * <p>The simulator is registered as the bean {@value #SIMULATOR_BEAN_NAME} and stopped with the context. Set
 * {@code sample.simulator-fallback=false} to fail at start-up instead (the starter then explains where it looked).
 * Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedSimulatorFallback implements ApplicationListener<ApplicationPreparedEvent> {

    static final String PROPERTY_SOURCE_NAME = "herokuEmbeddedSimulator";
    static final String SIMULATOR_BEAN_NAME = "herokuSimulator";
    static final String DUMMY_API_KEY = "embedded-simulator-key";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulatorFallback.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("heroku.enabled", Boolean.class, true)) {
            return;
        }
        Optional<ApiKey> key = findApiKey(environment);
        if (key.isPresent()) {
            // user info of the URL (http://user:password@host) can be a credential: never printed
            log.info("Heroku API key from {}: using the Heroku API at {}", key.get().source(),
                    Urls.withoutUserInfo(environment.getProperty("heroku.base-url", "https://api.heroku.com")));
            return;
        }
        if (!environment.getProperty("sample.simulator-fallback", Boolean.class, true)) {
            return; // the auto-configuration fails start-up and explains where it looked
        }
        HerokuSimulator simulator = HerokuSimulator.builder().seed(Seeds.DEMO).start();
        register(context, simulator);
        Map<String, Object> properties = new HashMap<>(Map.of("heroku.base-url", simulator.baseUrl(),
                "heroku.api-key", DUMMY_API_KEY));
        if (!environment.containsProperty("sample.page-cache.ttl")) {
            // the demo budget refills like Heroku's (75 a minute): the page then stays within it (PageCache)
            properties.put("sample.page-cache.ttl", "20s");
        }
        if (!environment.containsProperty("heroku.webhooks.secret")) {
            // the webhook endpoint then exists, and WebhookSelfRegistration registers it on the simulator's apps
            properties.put("heroku.webhooks.secret", WebhookRegistrar.generateSecret());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        log.info("No Heroku API key found: using the built-in Heroku API simulator at {} with demo data "
                + "(set HEROKU_API_KEY, heroku.api-key or a ~/.netrc entry to use the real Heroku API)",
                simulator.baseUrl());
    }

    /**
     * The key the client would use, looked up like the client does: {@code heroku.api-key}, then
     * {@code HEROKU_API_KEY}, then the netrc file ({@code $NETRC} or {@code ~/.netrc}).
     */
    static Optional<ApiKey> findApiKey(Environment environment) {
        String configured = environment.getProperty("heroku.api-key");
        if (configured != null && configured.equals(environment.getProperty(ApiKeyResolver.ENV_VARIABLE))) {
            configured = null; // HEROKU_API_KEY also binds to heroku.api-key: let the resolver name the variable
        }
        ApiKeyResolver.Builder resolver = ApiKeyResolver.builder()
            .apiKey(configured)
            .environment(environment::getProperty);
        String home = environment.getProperty("user.home");
        if (home != null && !home.isBlank()) {
            resolver.homeDirectory(Path.of(home));
        }
        try {
            return Optional.of(resolver.build().get());
        }
        catch (ApiKeyNotFoundException ex) {
            log.debug("{}", ex.getMessage());
            return Optional.empty();
        }
    }

    /** As a singleton that is closed with the context, also when the context fails to start. */
    private static void register(ConfigurableApplicationContext context, HerokuSimulator simulator) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(SIMULATOR_BEAN_NAME, simulator);
        if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(SIMULATOR_BEAN_NAME, simulator::close);
        }
    }

}
