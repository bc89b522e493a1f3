package dev.heroku4j.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.StringUtils;

@ExtendWith(OutputCaptureExtension.class)
class HerokuApiKeyFailureAnalyzerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WebClientAutoConfiguration.class, HerokuClientAutoConfiguration.class));

    @Test
    void analyze_whenNoKeyWasFound_saysWhereItLookedAndHowToSetOne() {
        this.runner.run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new HerokuApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("no Heroku API key was found")
                .contains("property heroku.api-key: none")
                .contains("environment variable HEROKU_API_KEY: not set")
                .contains("no-such-netrc: file missing")
                .doesNotContain("HerokuClient.builder()");
            assertThat(analysis.getAction()).contains("heroku.api-key")
                .contains("application.yml")
                .contains("HEROKU_API_KEY")
                .contains("heroku auth:token")
                .contains("machine api.heroku.com")
                .contains("heroku.enabled=false");
        });
    }

    @Test
    void analyze_whenTheKeyIsAnUnresolvedPlaceholder_failsAsNoKey() {
        // the README's "api-key: ${HEROKU_API_KEY}" with the variable unset used to send "Bearer ${HEROKU_API_KEY}"
        this.runner.withPropertyValues("heroku.api-key=${HEROKU_API_KEY}").run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new HerokuApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                .contains("property heroku.api-key: the unresolved placeholder ${HEROKU_API_KEY}")
                .contains("Heroku CLI credential store");
            assertThat(analysis.getAction()).contains("heroku login");
        });
    }

    @Test
    void analyze_whenFailureHasAnotherCause_returnsNull() {
        assertThat(new HerokuApiKeyFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void springFactories_whenLoaded_registerTheAnalyzer() throws IOException {
        List<String> analyzers = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties properties = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
            analyzers.addAll(StringUtils.commaDelimitedListToSet(
                    properties.getProperty(FailureAnalyzer.class.getName(), "")));
        }
        assertThat(analyzers).contains(HerokuApiKeyFailureAnalyzer.class.getName());
    }

    @Test
    void run_whenNoKeyWasFound_reportsTheAnalysis(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(MinimalApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off");
        assertThatThrownBy(application::run).hasRootCauseInstanceOf(
                dev.heroku4j.client.auth.ApiKeyNotFoundException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("no Heroku API key was found")
            .contains("heroku auth:token");
    }

    @Test
    void run_whenAutoConfigurationIsDisabled_startsWithoutKey() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(MinimalApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "heroku.enabled=false");
        application.run().close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ WebClientAutoConfiguration.class, HerokuClientAutoConfiguration.class })
    static class MinimalApplication {

    }

}
