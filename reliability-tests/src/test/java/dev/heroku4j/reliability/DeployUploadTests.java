package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

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
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.fault.Fault;
import dev.heroku4j.simulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy's upload step against failing upload URLs, on both clients: the simulator's own faults on the
 * {@code put_url} it hands out (a 503, a connection reset: as S3 can fail). An upload that fails at first is retried
 * and the deploy completes, the tarball stored once and whole, progress reported for every attempt; one that fails
 * every time stops the deploy with a {@link DeployException} naming the step, and the deploy resumes from there.
 */
@Timeout(120)
class DeployUploadTests {

    static final String SOURCES = "/__simulator/sources/*";
    static final DeployOptions OPTIONS = DeployOptions.defaults().version("v7")
            .waitOptions(WaitOptions.defaults().interval(Duration.ofMillis(50), Duration.ofMillis(200)));

    static HerokuSimulator sim;
    static HerokuClient heroku;
    static ReactiveHerokuClient reactive;

    @BeforeAll
    static void start() {
        sim = HerokuSimulator.builder().start();
        heroku = Clients.patient(sim.baseUrl());
        reactive = heroku.reactive();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Upload progress as reported, (sent, total) pairs in order. */
    static final class Progress implements DeployListener {
        final List<long[]> reports = new CopyOnWriteArrayList<>();
        final List<Deployment> steps = new CopyOnWriteArrayList<>();

        @Override
        public void onUpload(long sent, long total) {
            reports.add(new long[] { sent, total });
        }

        @Override
        public void onStep(Deployment deployment) {
            steps.add(deployment);
        }

        /** The reports split into attempts: each attempt starts again from its first chunk. */
        List<List<Long>> attempts() {
            List<List<Long>> attempts = new ArrayList<>();
            long previous = Long.MAX_VALUE;
            for (long[] report : reports) {
                if (report[0] <= previous) {
                    attempts.add(new ArrayList<>());
                }
                attempts.get(attempts.size() - 1).add(report[0]);
                previous = report[0];
            }
            return attempts;
        }
    }

    /** The bundled example plus 200 KB that do not compress: a tarball of several 64 KiB chunks. */
    static DeploySource bigSource(Path dir) throws IOException {
        for (String name : List.of("Gemfile", "Procfile", "app.rb")) {
            Files.copy(Path.of("src/test/resources/deploy-example", name), dir.resolve(name));
        }
        byte[] noise = new byte[200_000];
        new Random(16).nextBytes(noise);
        Files.write(dir.resolve("assets.bin"), noise);
        return DeploySource.directory(dir);
    }

    static List<JournalEntry> uploads() {
        return sim.journal().entries("PUT", SOURCES);
    }

    @Test
    void upload_thatFailsTwice_isRetried_andTheDeployCompletes_storingTheTarballOnce(@TempDir Path dir) throws Exception {
        String app = heroku.app().appCreate(new AppCreateOpts().name("upload-retried")).getName();
        sim.faults().inject(Fault.status(503).on("PUT", SOURCES).times(1));
        sim.faults().inject(Fault.connectionReset().on("PUT", SOURCES).times(1));
        Progress progress = new Progress();
        int before = uploads().size();
        int sources = sim.journal().count("POST", "/sources");

        Release release = heroku.deploys().deploy(app, bigSource(dir), OPTIONS.listener(progress));

        assertThat(release.getStatusAsString()).isEqualTo("succeeded");
        List<JournalEntry> uploads = uploads().subList(before, uploads().size());
        assertThat(uploads).extracting(JournalEntry::status).containsExactly(503, 0, 200);
        assertThat(uploads).extracting(JournalEntry::path).containsOnly(uploads.get(0).path()); // one source, three attempts
        assertThat(uploads.get(0).fault()).contains("503");
        assertThat(uploads.get(1).fault()).containsIgnoringCase("reset");
        // the tarball stored once, whole: what the build names by checksum
        Deployment done = progress.steps.get(progress.steps.size() - 1);
        byte[] stored = sim.state().store().blob(uploads.get(0).path().substring(SOURCES.length() - 1)).orElseThrow();
        assertThat(done.checksum()).isEqualTo("SHA256:" + sha256(stored));
        assertThat(sim.journal().count("POST", "/sources")).isEqualTo(sources + 1);
        assertThat(sim.journal().count("POST", "/apps/" + app + "/builds")).isEqualTo(1);
        // progress: three attempts, each counting up from its first chunk to the whole tarball
        long total = progress.reports.get(0)[1];
        assertThat(total).isEqualTo(stored.length).isGreaterThan(3 * 64 * 1024);
        assertThat(progress.reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(total));
        assertThat(progress.attempts()).hasSize(3).allSatisfy(attempt -> {
            assertThat(attempt).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
            assertThat(attempt.get(0)).isEqualTo(64 * 1024);
            assertThat(attempt.get(attempt.size() - 1)).isEqualTo(total);
        });
        assertThat(progress.steps).extracting(Deployment::step).startsWith(DeployStep.UPLOADED).endsWith(DeployStep.RELEASED);
    }

    @Test
    void upload_thatFailsEveryTime_stopsTheDeployNamingTheStep_andTheDeployResumesFromThere(@TempDir Path dir)
            throws Exception {
        String app = heroku.app().appCreate(new AppCreateOpts().name("upload-refused")).getName();
        sim.faults().inject(Fault.status(503).on("PUT", SOURCES));
        DeploySource source = bigSource(dir);
        int before = uploads().size();

        DeployException stopped = null;
        try {
            reactive.deploys().deploy(app, source, OPTIONS.uploadRetries(2)).block(Clients.BOUND);
        } catch (DeployException e) {
            stopped = e;
        }

        assertThat(stopped).isNotNull();
        assertThat(stopped.failedStep()).isEqualTo(DeployStep.UPLOADED);
        assertThat(stopped.deployment().step()).isEqualTo(DeployStep.STARTED);
        assertThat(stopped.outcome()).isNull();
        assertThat(stopped.getMessage()).startsWith("Step UPLOADED of the deploy to upload-refused failed: "
                + "the source upload failed 3 times, last with: ").contains("503");
        assertThat(uploads().size() - before).isEqualTo(3); // the first attempt and 2 retries
        assertThat(uploads().subList(before, uploads().size())).extracting(JournalEntry::status).containsOnly(503);
        assertThat(sim.journal().count("POST", "/apps/" + app + "/builds")).isZero();

        sim.faults().clear();
        Release release = heroku.deploys().resume(stopped.deployment(), source, OPTIONS);

        assertThat(release.getStatusAsString()).isEqualTo("succeeded");
        assertThat(uploads().get(uploads().size() - 1).status()).isEqualTo(200);
        assertThat(sim.journal().count("POST", "/apps/" + app + "/builds")).isEqualTo(1);
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
