package dev.heroku4j.autoconfigure;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HerokuPreinitializerTests {

    @Test
    void isRegisteredAsAnApplicationListener() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
            .hasAtLeastOneElementOfType(HerokuPreinitializer.class);
    }

    @Test
    void runsOnSeveralProcessors_unlessSwitchedOff() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "one processor: the preinitializer stays off there by design, so there is nothing to switch");
        assertThat(HerokuPreinitializer.wanted(environment(Map.of()))).isTrue();
        assertThat(HerokuPreinitializer.wanted(environment(Map.of("heroku.preinitialize", "false")))).isFalse();
        assertThat(HerokuPreinitializer.wanted(environment(Map.of("heroku.enabled", "false")))).isFalse();
        System.setProperty(HerokuPreinitializer.IGNORE_BOOT_PREINITIALIZER, "true");
        try {
            assertThat(HerokuPreinitializer.wanted(environment(Map.of()))).isFalse();
        }
        finally {
            System.clearProperty(HerokuPreinitializer.IGNORE_BOOT_PREINITIALIZER);
        }
    }

    @Test
    void aStartingApplication_runsTheDryRunToTheEnd() throws Throwable {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "one processor: the preinitializer stays off there by design");
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--heroku.enabled=true")) {
            assertThat(HerokuPreinitializer.awaitFinished(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    static class Empty {
    }
}
