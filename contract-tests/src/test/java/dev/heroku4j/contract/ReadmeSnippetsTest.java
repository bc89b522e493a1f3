package dev.heroku4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.autoconfigure.webhooks.HerokuWebhookEvent;
import dev.heroku4j.autoconfigure.webhooks.HerokuWebhookListener;
import dev.heroku4j.client.ConfigVars;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.deploy.DeployListener;
import dev.heroku4j.client.deploy.DeployOptions;
import dev.heroku4j.client.deploy.DeploySource;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.webhook.WebhookEvent;
import dev.heroku4j.client.webhook.WebhookEvents;
import dev.heroku4j.client.webhook.ReactiveWebhookRegistrar;
import dev.heroku4j.client.webhook.WebhookRegistrar;
import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;

/**
 * The root README's Java snippets, compiled and run: the services of "Use it in your app" (blocking {@code Apps},
 * reactive {@code ReactiveApps}, copied from it) against the simulator, set up as "Test your app with the simulator"
 * shows. A test checks that every {@code ```java} block of the README is code of this file (see {@link #shown}).
 */
@SpringBootTest(classes = ReadmeSnippetsTest.Application.class, properties = "heroku.webhooks.secret=readme-secret")
class ReadmeSnippetsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @RegisterExtension
    static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.with(b -> b.seed("demo"));

    @DynamicPropertySource
    static void herokuUrl(DynamicPropertyRegistry registry) {
        registry.add("heroku.base-url", heroku::baseUrl);
        registry.add("heroku.api-key", () -> "test");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ Apps.class, ReactiveApps.class, Deployments.class, Builds.class, ReactiveDynos.class, Deploys.class,
            ReactiveDeploys.class })
    static class Application {
    }

    @Service
    static
    class Apps {

        private final HerokuClient heroku;

        Apps(HerokuClient heroku) {
            this.heroku = heroku;
        }

        App create(String name) {
            return heroku.app().appCreate(new AppCreateOpts().name(name).region("eu").stack("heroku-24"));
        }

        List<String> names() {
            return heroku.app().appList(Range.by("name").withMax(1000)).stream().map(App::getName).toList();  // every page
        }

        Optional<App> find(String name) {
            try {
                return Optional.of(heroku.app().appInfo(name));
            } catch (HerokuNotFoundException e) {                     // e.id(), e.requestId(), e.rateLimitRemaining()
                return Optional.empty();
            }
        }

        void debug(String name, boolean on) {
            heroku.configVar().configVarUpdate(name, on ? ConfigVars.set("DEBUG", "1") : ConfigVars.unset("DEBUG"));
        }
    }

    @Service
    static
    class ReactiveApps {

        private final ReactiveHerokuClient heroku;

        ReactiveApps(ReactiveHerokuClient heroku) {
            this.heroku = heroku;
        }

        Flux<String> names() {
            return heroku.app().appList(Range.by("name").withMax(1000)).map(App::getName);  // pages on demand
        }

        Mono<App> find(String name) {
            return heroku.app().appInfo(name).onErrorResume(HerokuNotFoundException.class, e -> Mono.empty());
        }

        Flux<String> logs(String name) {
            return heroku.logSession().logSessionCreate(name, new LogSessionCreateOpts().tail(true))
                    .flatMapMany(session -> heroku.lines(session.getLogplexUrl()));
        }
    }

    @Component
    static
    class Deployments {

        final List<String> log = new CopyOnWriteArrayList<>();

        @HerokuWebhookListener(entity = "api:release", status = "succeeded")
        void released(Release release) {
            log.add(release.getApp().getName() + " v" + release.getVersion() + " is live");
        }

        @HerokuWebhookListener(entity = "api:formation", action = "update")
        void scaled(WebhookEvent event) {
            Formation formation = event.data(Formation.class);     // event.sequence(), event.metadata().deliveryId(), ...
            log.add(formation.getType() + " now runs " + formation.getQuantity());
        }
    }

    @Service
    static
    class Builds {

        private final HerokuClient heroku;

        Builds(HerokuClient heroku) {
            this.heroku = heroku;
        }

        Build finished(String app, UUID build) {
            WaitOutcome<Build> outcome = heroku.build().buildWait(app, build, WaitOptions.deadlineIn(Duration.ofMinutes(20)));
            return outcome.orThrow();              // WaitFailedException when it failed or was still pending at the deadline
        }
    }

    @Service
    static
    class ReactiveDynos {

        private final ReactiveHerokuClient heroku;

        ReactiveDynos(ReactiveHerokuClient heroku) {
            this.heroku = heroku;
        }

        Mono<Boolean> up(String app, String dyno) {
            return heroku.dyno().dynoWait(app, dyno).map(WaitOutcome::succeeded);   // false when crashed or down
        }
    }

    @Service
    static
    class Deploys {

        private final HerokuClient heroku;

        Deploys(HerokuClient heroku) {
            this.heroku = heroku;
        }

        Release deploy(String app, Path directory) {
            return heroku.deploys().deploy(app, DeploySource.directory(directory), DeployOptions.defaults()
                    .version("1.4.2")
                    .listener(new DeployListener() {
                        @Override
                        public void onOutput(String line) {
                            System.out.println(line);    // the build's output as it comes
                        }
                    }));
        }
    }

    @Service
    static
    class ReactiveDeploys {

        private final ReactiveHerokuClient heroku;

        ReactiveDeploys(ReactiveHerokuClient heroku) {
            this.heroku = heroku;
        }

        Mono<Release> deploy(String app, Path jar) {
            return heroku.deploys().deploy(app, DeploySource.jar(jar), DeployOptions.defaults().deadline(Duration.ofMinutes(30)));
        }
    }

    @Autowired
    Apps apps;

    @Autowired
    Deployments deployments;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ReactiveApps reactiveApps;

    @Autowired
    HerokuClient herokuClient;

    @Autowired
    ReactiveHerokuClient reactiveHeroku;

    @Test
    void theReadmeBlockingServiceWorks() {
        assertThat(apps.create("readme-app").getName()).isEqualTo("readme-app");
        assertThat(apps.names()).contains("readme-app", "demo-storefront").isSorted();
        assertThat(apps.find("readme-app")).isPresent();
        assertThat(apps.find("no-such-app")).isEmpty();

        apps.debug("demo-storefront", true);
        assertThat(herokuClient.configVar().configVarInfoForApp("demo-storefront")).containsEntry("DEBUG", "1");
        apps.debug("demo-storefront", false);
        assertThat(herokuClient.configVar().configVarInfoForApp("demo-storefront")).doesNotContainKey("DEBUG");
    }

    @Test
    void theReadmeReactiveServiceWorks() {
        assertThat(reactiveApps.names().collectList().block(BOUND)).contains("demo-storefront").isSorted();
        assertThat(reactiveApps.find("demo-storefront").block(BOUND)).isNotNull();
        assertThat(reactiveApps.find("no-such-app").blockOptional(BOUND)).isEmpty();
        assertThat(reactiveApps.logs("demo-storefront").take(2).collectList().block(BOUND)).hasSize(2);
    }

    @Autowired
    Builds builds;

    @Autowired
    ReactiveDynos dynos;

    @Autowired
    Deploys deploys;

    @Autowired
    ReactiveDeploys reactiveDeploys;

    @Test
    void theReadmeWaitersAndDeploysWork(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Procfile"), "web: ./run\n");
        Path jar = Files.write(dir.resolve("service.jar"), new byte[] {'P', 'K', 3, 4});
        apps.create("readme-deploys");

        Release release = deploys.deploy("readme-deploys", dir);
        Release fromJar = reactiveDeploys.deploy("readme-deploys", jar).block(BOUND);
        Build build = herokuClient.build().buildList("readme-deploys").stream().findFirst().orElseThrow();

        assertThat(release.getStatusAsString()).isEqualTo("succeeded");
        assertThat(fromJar.getVersion()).isGreaterThan(release.getVersion());
        assertThat(builds.finished("readme-deploys", build.getId()).getStatusAsString()).isEqualTo("succeeded");
        herokuClient.formation().formationUpdate("demo-storefront", "web", new FormationUpdateOpts().quantity(1));
        String dyno = herokuClient.dyno().dynoList("demo-storefront").stream().findFirst().orElseThrow().getName();
        assertThat(dynos.up("demo-storefront", dyno).block(BOUND)).isTrue();
    }

    @Test
    void theReadmeWebhookCodeWorks() {
        HerokuClient heroku = herokuClient;
        apps.create("my-app");
        // HerokuClient
        WebhookRegistrar.Registration registration = new WebhookRegistrar(heroku)
                .register("my-app", "https://my-service.example.com/heroku/webhooks", List.of("api:release", "api:formation"));

        // ReactiveHerokuClient: nothing is sent until subscribed
        Mono<WebhookRegistrar.Registration> registered = new ReactiveWebhookRegistrar(reactiveHeroku)
                .register("my-app", "https://my-service.example.com/heroku/webhooks", List.of("api:release", "api:formation"));
        assertThat(registration.created()).isTrue();
        int lists = ReadmeSnippetsTest.heroku.simulator().journal().count("GET", "/apps/my-app/webhooks");
        assertThat(lists).as("the blocking registration's one look for the URL").isEqualTo(1);
        WebhookRegistrar.Registration again = registered.block(BOUND);
        assertThat(ReadmeSnippetsTest.heroku.simulator().journal().count("GET", "/apps/my-app/webhooks"))
                .as("the reactive one looked only when subscribed").isEqualTo(2);
        assertThat(again.created()).as("the reactive one finds it by URL too").isFalse();
        assertThat(again.secret()).isNotEqualTo(registration.secret()).hasSize(64);
        assertThat(new WebhookRegistrar(heroku).register("my-app", "https://my-service.example.com/heroku/webhooks",
                List.of("api:release")).created()).as("idempotent by URL").isFalse();
        assertThat(heroku.appWebhook().appWebhookList("my-app").toList()).hasSize(1);

        for (String body : List.of(
                "{\"action\":\"update\",\"resource\":\"release\",\"data\":{\"version\":3,\"status\":\"succeeded\",\"app\":{\"name\":\"my-app\"}}}",
                "{\"action\":\"update\",\"resource\":\"release\",\"data\":{\"version\":4,\"status\":\"failed\"}}",
                "{\"action\":\"update\",\"resource\":\"formation\",\"data\":{\"type\":\"web\",\"quantity\":2}}")) {
            publisher.publishEvent(new HerokuWebhookEvent(this, WebhookEvents.read(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        assertThat(deployments.log).containsExactly("my-app v3 is live", "web now runs 2");
    }

    @Test
    void theReadmeShowsThisCode() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String test = squeeze(Files.readString(Path.of("src/test/java/dev/heroku4j/contract/ReadmeSnippetsTest.java")));
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int count = 0;
        List<String> missing = new ArrayList<>();
        while (blocks.find()) {
            count++;
            if (!test.contains(squeeze(shown(blocks.group(1))))) {
                missing.add("snippet " + count + ":\n" + blocks.group(1));
            }
        }
        assertThat(count).as("java snippets in the README").isPositive();
        assertThat(missing).as("README java snippets that are not code of ReadmeSnippetsTest (whitespace aside)").isEmpty();
    }

    /**
     * What of a snippet must be in this file: without its package and import lines (this file has its own); of a
     * type declaration ({@code class Apps {...}}, annotations included), what stands between its declaration line
     * and its last brace, since the nested classes here are declared differently; any other snippet (statements)
     * whole.
     */
    private static String shown(String snippet) {
        String code = snippet.lines().filter(line -> !line.startsWith("import ") && !line.startsWith("package "))
                .reduce("", (a, b) -> a + b + "\n").strip();
        boolean declaration = code.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("@")).findFirst()
                .map(line -> line.matches("\\s*((public|protected|private|static|final|abstract)\\s+)*(class|record|interface|enum)\\s.*"))
                .orElse(false);
        int open = code.indexOf("{\n");
        return declaration && open >= 0 ? code.substring(open + 2, code.lastIndexOf('}')) : code;
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }
}
