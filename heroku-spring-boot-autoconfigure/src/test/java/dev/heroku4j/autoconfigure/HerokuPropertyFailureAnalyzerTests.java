package dev.heroku4j.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * A bad {@code heroku.*} value stops start-up with an analysis naming the property, the value and what is allowed
 * (issue 17): before, {@code not a url} gave a 114-line trace and {@code ftp://} or a path was taken, then every call
 * failed.
 */
@ExtendWith(OutputCaptureExtension.class)
class HerokuPropertyFailureAnalyzerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebClientAutoConfiguration.class,
                HerokuClientAutoConfiguration.class))
        .withPropertyValues("heroku.api-key=a-key-that-is-long-enough");

    private void failsWith(String property, Consumer<FailureAnalysis> check) {
        this.runner.withPropertyValues(property).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new HerokuPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as(property).isNotNull();
            assertThat(analysis.getAction()).contains("heroku.enabled=false");
            check.accept(analysis);
        });
    }

    @Test
    void baseUrl_notAUrl() {
        failsWith("heroku.base-url=not a url", (a) -> {
            assertThat(a.getDescription()).contains("heroku.base-url").contains("'not a url'").contains("not a URL");
            assertThat(a.getAction()).contains("http or https URL with a host").contains("https://api.heroku.com");
        });
    }

    @Test
    void rateLimitMaxInterval_overTenMinutes() {
        // the throttle's policy takes at most 10 min; above that start-up used to fail with a bare IllegalArgumentException
        failsWith("heroku.rate-limit.max-interval=11m", (a) -> {
            // the value as written, not as bound (PT11M)
            assertThat(a.getDescription()).contains("heroku.rate-limit.max-interval has the value '11m'");
            assertThat(a.getAction()).contains("from 0 to 10m");
        });
    }

    @Test
    void connectTimeout_longerThanTheConnectorsTake() {
        failsWith("heroku.connect-timeout=30d",
                (a) -> assertThat(a.getDescription()).contains("heroku.connect-timeout").contains("too long"));
    }

    @Test
    void userAgent_blank() {
        failsWith("heroku.user-agent= ", (a) -> {
            assertThat(a.getDescription()).contains("heroku.user-agent has the value ''.").contains("blank");
            assertThat(a.getAction()).contains("leave it unset");
        });
    }

    @Test
    void baseUrl_ftp() {
        failsWith("heroku.base-url=ftp://files.example.com",
                (a) -> assertThat(a.getDescription()).contains("'ftp://files.example.com'").contains("scheme 'ftp'"));
    }

    @Test
    void baseUrl_withAPath_isRefusedOnPurpose_userInfoHidden() {
        failsWith("heroku.base-url=https://user:s3cret@api.heroku.com/apps", (a) -> {
            assertThat(a.getDescription()).contains("'https://***@api.heroku.com/apps'").contains("no path prefix")
                .contains("404");
            assertThat(a.getDescription() + a.getAction() + a.getCause()).doesNotContain("s3cret");
        });
    }

    @Test
    void baseUrl_aPathPrefixForAnotherHost_isKeptOnPurpose_aQueryIsNot() {
        this.runner.withPropertyValues("heroku.base-url=https://gateway.example.com/heroku")
            .run((context) -> assertThat(context).hasNotFailed());
        failsWith("heroku.base-url=https://gateway.example.com/heroku?x=1",
                (a) -> assertThat(a.getDescription()).contains("query or fragment"));
    }

    @Test
    void timeouts_notPositive() {
        failsWith("heroku.connect-timeout=0s", (a) -> assertThat(a.getDescription()).contains("heroku.connect-timeout")
            .contains("'0s'").contains("not positive"));
        failsWith("heroku.response-timeout=-1s", (a) -> assertThat(a.getDescription()).contains("heroku.response-timeout"));
        failsWith("heroku.call-timeout=0ms", (a) -> assertThat(a.getDescription()).contains("heroku.call-timeout"));
        failsWith("heroku.health.timeout=0s", (a) -> assertThat(a.getAction()).contains("a positive duration"));
    }

    @Test
    void sslBundle_unknownName_listsTheConfiguredOnes() {
        failsWith("heroku.ssl-bundle=corporate-proxy", (a) -> {
            assertThat(a.getDescription()).contains("heroku.ssl-bundle").contains("'corporate-proxy'")
                .contains("No SSL bundle of that name");
            assertThat(a.getAction()).contains("spring.ssl.bundle.pem.<name>").contains("configured: none");
        });
    }

    @Test
    void acceptVariant_removed_saysWhy() {
        failsWith("heroku.accept-variant=7", (a) -> {
            assertThat(a.getDescription()).contains("heroku.accept-variant").contains("'7'").contains("was removed")
                .contains("each operation now sends the Accept variant its own schema needs");
            assertThat(a.getAction()).contains("Remove heroku.accept-variant");
        });
    }

    @Test
    void validProperties_start() {
        this.runner.withPropertyValues("heroku.base-url=http://127.0.0.1:5000/", "heroku.connect-timeout=1ms")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void run_printsTheAnalysisInsteadOfATrace(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(MinimalApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "heroku.api-key=a-key-that-is-long-enough",
                    "heroku.base-url=not a url");
        try {
            application.run().close();
        }
        catch (RuntimeException expected) {
            // the analysis is what the user sees
        }
        assertThat(output).contains("APPLICATION FAILED TO START").contains("the property heroku.base-url has the value 'not a url'");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ WebClientAutoConfiguration.class, HerokuClientAutoConfiguration.class })
    static class MinimalApplication {

    }

}
