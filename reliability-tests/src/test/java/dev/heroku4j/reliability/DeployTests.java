package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.deploy.DeployException;
import dev.heroku4j.client.deploy.DeployListener;
import dev.heroku4j.client.deploy.DeployOptions;
import dev.heroku4j.client.deploy.DeploySource;
import dev.heroku4j.client.deploy.DeployStep;
import dev.heroku4j.client.deploy.Deployment;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.streaming.StreamOptions;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.reliability.support.CutStream;
import dev.heroku4j.reliability.support.RawServer;
import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deploy pipeline end to end against the simulator, on both clients: a bundled example directory and a jar
 * packed, uploaded, built and released, each step reported; a build output stream cut mid-line and resumed (read
 * line by line from a stream host of the test's own, since the simulator cannot cut its streams yet); a failed
 * build; a deploy stopped half-way and resumed without making a second source or build.
 */
@Timeout(120)
class DeployTests {

    static final Path EXAMPLE = Path.of("src/test/resources/deploy-example");
    static final WaitOptions FAST = WaitOptions.defaults().interval(Duration.ofMillis(50), Duration.ofMillis(200));
    static final StreamOptions QUICK = StreamOptions.defaults().pauses(Duration.ofMillis(10), Duration.ofMillis(50));

    static HerokuSimulator sim;
    static HerokuClient heroku;
    static ReactiveHerokuClient reactive;

    @BeforeAll
    static void start() {
        sim = HerokuSimulator.builder().start();
        heroku = Clients.patient(sim.baseUrl());
        reactive = heroku.reactive();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Records what the deploy reports. */
    static class Recorder implements DeployListener {
        final List<Deployment> steps = new CopyOnWriteArrayList<>();
        final List<String> output = new CopyOnWriteArrayList<>();
        final AtomicLong uploaded = new AtomicLong();
        volatile long total;

        @Override
        public void onStep(Deployment deployment) {
            steps.add(deployment);
        }

        @Override
        public void onUpload(long sent, long total) {
            uploaded.set(sent);
            this.total = total;
        }

        @Override
        public void onOutput(String line) {
            output.add(line);
        }
    }

    static String newApp(String name) {
        return heroku.app().appCreate(new AppCreateOpts().name(name)).getName();
    }

    static DeployOptions options(DeployListener listener) {
        return DeployOptions.defaults().waitOptions(FAST).streamOptions(QUICK).listener(listener).version("v42");
    }

    @Test
    void deploy_ofTheBundledExample_uploadsBuildsAndReleases_reportingEachStep() throws IOException {
        String app = newApp("deploy-dir");
        Recorder recorder = new Recorder();
        int sources = sim.journal().count("POST", "/sources");

        Release release = heroku.deploys().deploy(app, DeploySource.directory(EXAMPLE), options(recorder));

        assertThat(release.getStatusAsString()).isEqualTo("succeeded");
        assertThat(release.getVersion()).isEqualTo(heroku.release().releaseList(app).stream()
                .mapToLong(Release::getVersion).max().orElseThrow());
        assertThat(recorder.steps).extracting(Deployment::step).containsExactly(DeployStep.UPLOADED,
                DeployStep.BUILD_CREATED, DeployStep.BUILD_OUTPUT_READ, DeployStep.BUILD_SUCCEEDED, DeployStep.RELEASED);
        Deployment last = recorder.steps.get(recorder.steps.size() - 1);
        assertThat(last.releaseId()).isEqualTo(release.getId());
        assertThat(last.checksum()).startsWith("SHA256:");
        assertThat(recorder.output).contains("-----> Launching...");
        assertThat(recorder.uploaded.get()).isEqualTo(recorder.total).isPositive();
        Map<String, String> files = untar(blob(last));
        assertThat(files).containsOnlyKeys("Gemfile", "Procfile", "app.rb");
        assertThat(files.get("Procfile")).isEqualTo(Files.readString(EXAMPLE.resolve("Procfile")));
        assertThat(sim.journal().count("POST", "/sources")).isEqualTo(sources + 1);
        assertThat(sim.journal().count("POST", "/apps/" + app + "/builds")).isEqualTo(1);
        assertThat(sim.journal().invalid()).isEmpty();
    }

    @Test
    void deploy_whenTheBuildOutputIsCutMidLine_givesEveryLineOnceInOrder_reactive() {
        String app = newApp("deploy-cut");
        List<String> lines = CutStream.numbered(400);
        CutStream stream = new CutStream(lines, CutStream.Mode.PLAIN, 2, 9_001);
        try (RawServer host = new RawServer(stream)) {
            Recorder recorder = new Recorder() {
                @Override
                public void onStep(Deployment deployment) {
                    super.onStep(deployment);
                    if (deployment.step() == DeployStep.BUILD_CREATED) { // the build's output now comes from a host that cuts
                        set("build", deployment.buildId().toString(), "output_stream_url", host.baseUrl() + "/output/1?sig=x");
                    }
                }
            };

            Release release = reactive.deploys().deploy(app, DeploySource.directory(EXAMPLE), options(recorder))
                    .block(Clients.BOUND);

            assertThat(release.getStatusAsString()).isEqualTo("succeeded");
            assertThat(recorder.output).containsExactlyElementsOf(lines);
            assertThat(stream.served()).isEqualTo(3);
        }
    }

    @Test
    void deploy_whenTheBuildFails_stopsWithTheBuildsFailure_andHowFarItGot() {
        String app = newApp("deploy-fails");
        // the simulator's own failure: the next build of this app fails with this output
        sim.state().failures().buildFails(app, "-----> Node.js app detected", " !     Push rejected, failed to compile");
        Recorder recorder = new Recorder();

        assertThatThrownBy(() -> heroku.deploys().deploy(app, DeploySource.directory(EXAMPLE), options(recorder)))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.getMessage()).contains("The build").contains("ended failed").contains("output_stream_url");
                    assertThat(e.outcome()).isInstanceOf(WaitOutcome.Failed.class);
                    assertThat(e.deployment().step()).isEqualTo(DeployStep.BUILD_OUTPUT_READ);
                });
    }

    @Test
    void resume_afterADeployStoppedHalfWay_goesOnWithoutASecondSourceOrBuild() {
        String app = newApp("deploy-resume");
        Recorder recorder = new Recorder() {
            @Override
            public void onStep(Deployment deployment) {
                super.onStep(deployment);
                if (deployment.step() == DeployStep.BUILD_CREATED && steps.size() == 2) {
                    throw new IllegalStateException("the machine went away");
                }
            }
        };
        int sourcesBefore = sim.journal().count("POST", "/sources");
        DeployException stopped = null;
        try {
            heroku.deploys().deploy(app, DeploySource.directory(EXAMPLE), options(recorder));
        } catch (DeployException e) {
            stopped = e;
        }
        assertThat(stopped).isNotNull();
        assertThat(stopped.getMessage()).contains("the machine went away").contains("BUILD_CREATED");

        Release release = reactive.deploys().resume(stopped.deployment(), null, options(recorder)).block(Clients.BOUND);

        assertThat(release.getStatusAsString()).isEqualTo("succeeded");
        assertThat(sim.journal().count("POST", "/sources")).isEqualTo(sourcesBefore + 1);
        assertThat(sim.journal().count("POST", "/apps/" + app + "/builds")).isEqualTo(1);
        assertThat(recorder.steps).extracting(Deployment::step).containsExactly(DeployStep.UPLOADED,
                DeployStep.BUILD_CREATED, DeployStep.BUILD_OUTPUT_READ, DeployStep.BUILD_SUCCEEDED, DeployStep.RELEASED);
    }

    @Test
    void deploy_ofAJar_sendsTheJarAndAProcfileThatRunsIt(@TempDir Path dir) throws IOException {
        String app = newApp("deploy-jar");
        Path jar = Files.write(dir.resolve("service.jar"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Recorder recorder = new Recorder();

        heroku.deploys().deploy(app, DeploySource.jar(jar), options(recorder));

        Map<String, String> files = untar(blob(recorder.steps.get(recorder.steps.size() - 1)));
        assertThat(files).containsOnlyKeys("service.jar", "Procfile");
        assertThat(files.get("Procfile")).isEqualTo("web: java $JAVA_OPTS -Dserver.port=$PORT -jar service.jar\n");
    }

    @Test
    void source_thatIsNotATarball_isRefusedBeforeAnythingIsSent(@TempDir Path dir) throws IOException {
        Path notGzipped = Files.writeString(dir.resolve("app.tar.gz"), "plain text");
        int sources = sim.journal().count("POST", "/sources");

        assertThatThrownBy(() -> heroku.deploys().deploy("deploy-dir", DeploySource.tarball(notGzipped), options(new Recorder())))
                .hasMessageContaining("is not gzipped");
        assertThat(sim.journal().count("POST", "/sources")).isEqualTo(sources);
    }

    static void set(String definition, String id, String field, String value) {
        synchronized (sim.state()) {
            ObjectNode item = sim.state().store().find(definition, id, x -> true).orElseThrow();
            item.put(field, value);
        }
    }

    static byte[] blob(Deployment deployment) {
        String url = deployment.sourceUrl();
        return sim.state().store().blob(url.substring(url.lastIndexOf('/') + 1)).orElseThrow();
    }

    /** The regular files of a gzipped ustar archive, by name. */
    static Map<String, String> untar(byte[] tarGz) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
            byte[] all = in.readAllBytes();
            int at = 0;
            while (at + 512 <= all.length && all[at] != 0) {
                String name = new String(all, at, 100, StandardCharsets.UTF_8).replaceAll("\0.*", "");
                int size = Integer.parseInt(new String(all, at + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                assertThat(new String(all, at + 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
                files.put(name, new String(all, at + 512, size, StandardCharsets.UTF_8));
                at += 512 + ((size + 511) / 512) * 512;
            }
        }
        return files;
    }
}
