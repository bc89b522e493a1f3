package dev.heroku4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;

/**
 * The root README's Java snippets, compiled and run: the service of "Use it in your app" against the simulator,
 * set up as "Test your app with the simulator" shows. A test checks that the README still shows this code.
 */
@SpringBootTest(classes = ReadmeSnippetsTest.Application.class)
class ReadmeSnippetsTest {

    @RegisterExtension
    static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed("demo"));

    @DynamicPropertySource
    static void herokuUrl(DynamicPropertyRegistry registry) {
        registry.add("heroku.base-url", heroku::baseUrl);
        registry.add("heroku.api-key", () -> "test");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Apps.class)
    static class Application {
    }

    @Service
    static
    class Apps {

        private final HerokuClient heroku;

        Apps(HerokuClient heroku) {
            this.heroku = heroku;
        }

        Mono<App> create(String name) {
            return heroku.app().appCreate(new AppCreateOpts().name(name).region("eu").stack("heroku-24"));
        }

        Flux<String> names() {
            return heroku.list(heroku.app()::appListWithHttpInfo, Range.by("name").withMax(100)).map(App::getName);
        }

        Mono<App> find(String name) {
            return heroku.app().appInfo(name)
                    .onErrorResume(HerokuNotFoundException.class, e -> Mono.empty());  // e.id(), e.requestId(), ...
        }

        Flux<String> logs(String name) {
            return heroku.logSession().logSessionCreate(name, new LogSessionCreateOpts().tail(true))
                    .flatMapMany(session -> heroku.lines(session.getLogplexUrl()));
        }
    }

    @Autowired
    Apps apps;

    @Test
    void theReadmeServiceWorks() {
        assertThat(apps.create("readme-app").block().getName()).isEqualTo("readme-app");
        assertThat(apps.names().collectList().block()).contains("readme-app", "demo-storefront");
        assertThat(apps.find("readme-app").block()).isNotNull();
        assertThat(apps.find("no-such-app").blockOptional()).isEmpty();
        assertThat(apps.logs("demo-storefront").take(2).collectList().block()).hasSize(2);
    }

    @Test
    void theReadmeShowsThisCode() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String test = squeeze(Files.readString(Path.of("src/test/java/dev/heroku4j/contract/ReadmeSnippetsTest.java")));
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int count = 0;
        while (blocks.find()) {
            count++;
            assertThat(test).as("README snippet %d is in this test", count).contains(squeeze(body(blocks.group(1))));
        }
        assertThat(count).isEqualTo(2);
    }

    /** A snippet's class body: what stands between its declaration line and its last brace. */
    private static String body(String snippet) {
        String text = snippet.strip();
        return text.substring(text.indexOf("{\n") + 2, text.lastIndexOf('}'));
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }
}
