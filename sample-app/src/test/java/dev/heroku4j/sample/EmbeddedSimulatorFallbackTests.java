package dev.heroku4j.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.auth.ApiKey;
import dev.heroku4j.client.auth.ApiKeyNotFoundException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.simulator.HerokuSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default: no API key anywhere starts the simulator; a key (property, {@code HEROKU_API_KEY}, netrc)
 * keeps {@code https://api.heroku.com}. The application runs without a web server; nothing here reaches the internet
 * (a key-configured context proves it makes no call at all).
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSimulatorFallbackTests {

    @TempDir
    Path home;

    // ---------------------------------------------------------------- the key lookup

    @Test
    void findApiKey_whenNothingIsConfigured_isEmpty() {
        assertThat(EmbeddedSimulatorFallback.findApiKey(noKeyEnvironment())).isEmpty();
    }

    @Test
    void findApiKey_fromTheProperty() {
        assertThat(EmbeddedSimulatorFallback.findApiKey(noKeyEnvironment().withProperty("heroku.api-key", "k1")))
            .map(ApiKey::value).contains("k1");
    }

    @Test
    void findApiKey_fromHerokuApiKeyVariable() {
        assertThat(EmbeddedSimulatorFallback.findApiKey(noKeyEnvironment().withProperty("HEROKU_API_KEY", "k2")))
            .map(ApiKey::source).contains("environment variable HEROKU_API_KEY");
    }

    @Test
    void findApiKey_fromTheNetrcFile() throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine api.heroku.com\n  login me@example.com\n  password k3\n");

        assertThat(EmbeddedSimulatorFallback.findApiKey(noKeyEnvironment())).map(ApiKey::value).contains("k3");
    }

    @Test
    void findApiKey_blankValuesCountAsNotSet() {
        assertThat(EmbeddedSimulatorFallback.findApiKey(noKeyEnvironment().withProperty("heroku.api-key", " ")
            .withProperty("HEROKU_API_KEY", ""))).isEmpty();
    }

    // ---------------------------------------------------------------- the application

    @Test
    void noKeyAnywhere_startsTheDemoSimulatorAndPointsTheClientAtIt(CapturedOutput output) {
        int port;
        try (ConfigurableApplicationContext context = run(new StandardEnvironment(), noKeyArgs())) {
            HerokuSimulator simulator = context.getBean(HerokuSimulator.class);
            HerokuClient client = context.getBean(HerokuClient.class);
            port = simulator.port();

            assertThat(client.config().baseUrl()).hasToString(simulator.baseUrl());
            assertThat(context.getEnvironment().getProperty("heroku.base-url")).isEqualTo(simulator.baseUrl());
            assertThat(client.app().appList().toList()).extracting(App::getName)
                .containsExactlyInAnyOrder("demo-storefront", "demo-storefront-staging", "demo-inventory-api");
            assertThat(output).contains("No Heroku API key found: using the built-in Heroku API simulator at "
                    + simulator.baseUrl() + " with demo data");
        }
        assertThatExceptionOfType(ConnectException.class).as("simulator stopped with the context")
            .isThrownBy(() -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void startUpLine_neverPrintsUserInfoOfTheBaseUrl(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(new StandardEnvironment(),
                args(noKeyArgs(), "--heroku.api-key=test-key", "--heroku.base-url=http://user:s3cret@127.0.0.1:9"))) {
            assertThat(output).contains("using the Heroku API at http://***@127.0.0.1:9").doesNotContain("s3cret");
        }
    }

    @Test
    void keyProperty_talksToApiHerokuComWithoutAnyCall(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(new StandardEnvironment(),
                args(noKeyArgs(), "--heroku.api-key=test-key"))) {
            assertThat(context.containsBean(EmbeddedSimulatorFallback.SIMULATOR_BEAN_NAME)).isFalse();
            assertThat(context.getBeansOfType(HerokuSimulator.class)).isEmpty();
            assertThat(context.getBean(HerokuClient.class).config().baseUrl()).hasToString("https://api.heroku.com");
            assertThat(context.getBean(RecordedCalls.class).urls()).isEmpty();
            assertThat(output).contains("Heroku API key from the configured API key: using the Heroku API at "
                    + "https://api.heroku.com").doesNotContain("simulator at");
        }
    }

    @Test
    void herokuApiKeyEnvironmentVariable_talksToApiHerokuComWithoutAnyCall(CapturedOutput output) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("HEROKU_API_KEY", "key-from-env", "NETRC", home.resolve("missing").toString())));
        try (ConfigurableApplicationContext context = run(environment, "--user.home=" + home)) {
            HerokuClient client = context.getBean(HerokuClient.class);

            assertThat(context.getBeansOfType(HerokuSimulator.class)).isEmpty();
            assertThat(client.config().baseUrl()).hasToString("https://api.heroku.com");
            assertThat(client.config().apiKeys().get().value()).isEqualTo("key-from-env");
            assertThat(context.getBean(RecordedCalls.class).urls()).isEmpty();
            assertThat(output).contains("Heroku API key from environment variable HEROKU_API_KEY: using the Heroku API "
                    + "at https://api.heroku.com");
        }
    }

    @Test
    void fallbackTurnedOff_noKey_failsStartUpWithTheStartersExplanation() {
        assertThatThrownBy(() -> run(new StandardEnvironment(), args(noKeyArgs(), "--sample.simulator-fallback=false")))
            .hasRootCauseInstanceOf(ApiKeyNotFoundException.class);
    }

    // ---------------------------------------------------------------- helpers

    private MockEnvironment noKeyEnvironment() {
        return new MockEnvironment().withProperty("user.home", home.toString());
    }

    /** Command-line arguments win over the OS environment: blank key, blank HEROKU_API_KEY, no netrc file. */
    private String[] noKeyArgs() {
        return new String[] { "--heroku.api-key=", "--HEROKU_API_KEY=", "--NETRC=" + home.resolve("missing"),
                "--HEROKU_DATA_DIR=" + home.resolve("no-heroku-data"), "--user.home=" + home };
    }

    private static String[] args(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static ConfigurableApplicationContext run(StandardEnvironment environment, String... args) {
        return new SpringApplicationBuilder(SampleApplication.class, RecordedCalls.class)
            .environment(environment)
            .web(WebApplicationType.NONE)
            .run(args);
    }

    /** Records every request the Heroku client sends, and refuses those to anywhere but 127.0.0.1. */
    @Configuration(proxyBeanMethods = false)
    static class RecordedCalls {

        private final List<String> urls = new CopyOnWriteArrayList<>();

        List<String> urls() {
            return urls;
        }

        @Bean
        WebClientCustomizer recordCalls() {
            // The client's engine is a WebClient, so this is a WebClient filter: a throw fails the call.
            return builder -> builder.filter((request, next) -> {
                urls.add(request.url().toString());
                if (!request.url().getHost().equals("127.0.0.1")) {
                    throw new IllegalStateException("no call to " + request.url() + " expected");
                }
                return next.exchange(request);
            });
        }

    }

}
