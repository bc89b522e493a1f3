package dev.heroku4j.autoconfigure.webhooks;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import dev.heroku4j.autoconfigure.InvalidHerokuPropertyException;
import dev.heroku4j.client.webhook.WebhookVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class HerokuWebhooksAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HerokuWebhooksAutoConfiguration.class));

    @Test
    void withoutSecret_noEndpoint() {
        this.runner.run(context -> assertThat(context).doesNotHaveBean(HerokuWebhookReceiver.class)
                .doesNotHaveBean(WebhookVerifier.class));
    }

    @Test
    void withSecret_receiverAndDefaultsButNoFilterOutsideAWebApplication() {
        this.runner.withPropertyValues("heroku.webhooks.secret=s1").run(context -> {
            assertThat(context).hasSingleBean(HerokuWebhookReceiver.class)
                    .hasSingleBean(InMemoryHerokuWebhookDeliveryStore.class)
                    .doesNotHaveBean(FilterRegistrationBean.class).doesNotHaveBean(HerokuWebhookWebFilter.class);
            assertThat(context.getBean(HerokuWebhookReceiver.class).maxBodyBytes()).isEqualTo(1024 * 1024);
        });
    }

    @Test
    void servletApplication_getsTheFilterOnExactlyThePath() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(HerokuWebhooksAutoConfiguration.class))
                .withPropertyValues("heroku.webhooks.secret=s1", "heroku.webhooks.path=/hooks/heroku")
                .run(context -> {
                    FilterRegistrationBean<?> filter = context.getBean("herokuWebhookFilter", FilterRegistrationBean.class);
                    assertThat(filter.getUrlPatterns()).containsExactly("/hooks/heroku");
                    assertThat(filter.getOrder()).as("just after Spring Security's filter").isEqualTo(-90);
                    assertThat(context).doesNotHaveBean(HerokuWebhookWebFilter.class)
                            .hasBean("herokuWebhookHttpSecurityCustomizer")
                            .doesNotHaveBean("herokuWebhookServerHttpSecurityCustomizer");
                });
    }

    @Test
    void withoutSpringSecurity_noSecurityCustomizer() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(HerokuWebhooksAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withPropertyValues("heroku.webhooks.secret=s1")
                .run(context -> {
                    assertThat(context).hasBean("herokuWebhookFilter")
                            .doesNotHaveBean("herokuWebhookHttpSecurityCustomizer");
                });
    }

    @Test
    void reactiveApplication_getsTheWebFilterAfterSecurity() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HerokuWebhooksAutoConfiguration.class))
                .withPropertyValues("heroku.webhooks.secret=s1")
                .run(context -> {
                    assertThat(context.getBean(HerokuWebhookWebFilter.class).getOrder())
                            .as("just after Spring Security's web filter").isEqualTo(-90);
                    assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
                            .hasBean("herokuWebhookServerHttpSecurityCustomizer")
                            .doesNotHaveBean("herokuWebhookHttpSecurityCustomizer");
                });
    }

    @Test
    void ownStoreAndMetrics_replaceTheDefaults() {
        HerokuWebhookDeliveryStore shared = new InMemoryHerokuWebhookDeliveryStore(5);
        this.runner.withPropertyValues("heroku.webhooks.secret=s1")
                .withBean(HerokuWebhookDeliveryStore.class, () -> shared)
                .withBean(SimpleMeterRegistry.class)
                .run(context -> {
                    assertThat(context.getBean(HerokuWebhookDeliveryStore.class)).isSameAs(shared);
                    assertThat(context).hasSingleBean(MicrometerHerokuWebhookMetrics.class);
                });
    }

    @Test
    void emptyOrBlankSecret_failsNamingTheProperty() {
        this.runner.withPropertyValues("heroku.webhooks.secret=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(InvalidHerokuPropertyException.class,
                    ex -> assertThat(ex.property()).isEqualTo("heroku.webhooks.secret"));
        });
        this.runner.withPropertyValues("heroku.webhooks.secret=good-one, ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(InvalidHerokuPropertyException.class,
                    ex -> {
                        assertThat(ex.property()).isEqualTo("heroku.webhooks.secret[1]");
                        assertThat(ex.getMessage()).doesNotContain("good-one");
                    });
        });
        this.runner.withPropertyValues("heroku.webhooks.secret=s1", "heroku.webhooks.path=/hooks/**")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOfSatisfying(InvalidHerokuPropertyException.class,
                                ex -> assertThat(ex.property()).isEqualTo("heroku.webhooks.path")));
    }

    @Test
    void emptySecret_applicationRefusesToStart_withAnAnalysis(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(WebhookTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("heroku.api-key=test", "heroku.base-url=http://127.0.0.1:9", "heroku.webhooks.secret=");
        assertThatThrownBy(application::run).hasRootCauseInstanceOf(InvalidHerokuPropertyException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The Heroku webhook endpoint could not be created: the property heroku.webhooks.secret")
                .contains("remove heroku.webhooks.secret");
    }

    @Test
    void actuator_masksSecretsByNameAndByValue() {
        this.runner.withPropertyValues("heroku.webhooks.secret=first-secret-1,second-secret-2",
                "heroku.webhooks.authorization=Bearer hook-token").run(context -> {
                    SanitizingFunction sanitizer = context.getBean("herokuWebhookSecretSanitizingFunction",
                            SanitizingFunction.class);
                    for (String key : List.of("heroku.webhooks.secret", "heroku.webhooks.secret[1]",
                            "HEROKU_WEBHOOKS_SECRET", "heroku.webhooks.authorization")) {
                        assertThat(sanitizer.apply(new SanitizableData(null, key, "x")).getValue()).as(key)
                                .isEqualTo(SanitizableData.SANITIZED_VALUE);
                    }
                    assertThat(sanitizer.apply(new SanitizableData(null, "sun.java.command",
                            "app.jar --heroku.webhooks.secret=first-secret-1,second-secret-2")).getValue())
                            .isEqualTo("app.jar --heroku.webhooks.secret=******,******");
                    assertThat(sanitizer.apply(new SanitizableData(null, "heroku.webhooks.path", "/hooks")).getValue())
                            .isEqualTo("/hooks");
                });
    }

    @Test
    void inMemoryStore_forgetsTheOldestBeyondItsWindow() {
        InMemoryHerokuWebhookDeliveryStore store = new InMemoryHerokuWebhookDeliveryStore(2);
        assertThat(store.firstTime("a")).isTrue();
        assertThat(store.firstTime("a")).isFalse();
        assertThat(store.firstTime("b")).isTrue();
        assertThat(store.firstTime("c")).isTrue();
        assertThat(store.firstTime("a")).as("a fell out of the window").isTrue();
        store.forget("c");
        assertThat(store.firstTime("c")).isTrue();
    }
}
