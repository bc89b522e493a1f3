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
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy pipeline end to end against the simulator, on both clients: a bundled example directory and a jar
 * packed, uploaded, built and released, each step reported; the build's output stream cut mid-line twice by the
 * simulator ({@code state().failures().streamCut}) and resumed with {@code Last-Event-Id}, asserted line by line; a
 * failed build (the simulator's injected failure, with its output); a deploy stopped half-way and resumed without
 * making a second source or build. Nothing is set in the simulator's store. Upload retries:
 * {@link DeployUploadTests}; promotions: {@link PromoteTests}; cuts the simulator cannot make: {@link ResumableStreamTests}.
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
    void deploy_whenTheSimulatorCutsTheBuildOutputTwice_givesEveryLineOnceInOrder_onBothClients() {
        for (int round = 0; round < 2; round++) {
            String app = newApp("deploy-sim-cut-" + round);
            sim.state().failures().streamCut(2);  // the first connection breaks off in line 3
            sim.state().failures().streamCut(3);  // the second in the third line after that
            Recorder recorder = new Recorder();

            Release release = round == 0 ? heroku.deploys().deploy(app, DeploySource.directory(EXAMPLE), options(recorder))
                    : reactive.deploys().deploy(app, DeploySource.directory(EXAMPLE), options(recorder)).block(Clients.BOUND);

            assertThat(release.getStatusAsString()).isEqualTo("succeeded");
            Deployment built = recorder.steps.get(1);
            String stream = "/__simulator/streams/builds/" + built.buildId();
            // line by line what the simulator wrote, read again whole now that the failures are used up
            List<String> whole = heroku.readLines(sim.baseUrl() + stream);
            assertThat(whole).hasSize(7).startsWith("-----> Building on the Heroku-24 stack")
                    .contains("       Released v" + release.getVersion());
            assertThat(recorder.output).containsExactlyElementsOf(whole);
            List<JournalEntry> reads = sim.journal().entries("GET", stream);
            assertThat(reads).hasSize(4); // three for the deploy (two cut), one for the check
            assertThat(reads.get(0).headers()).doesNotContainKey("last-event-id");
            assertThat(reads.get(1).headers()).containsEntry("last-event-id", List.of("2"));
            assertThat(reads.get(2).headers()).containsEntry("last-event-id", List.of("5"));
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
