package dev.heroku4j.client.deploy;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How far a deploy got: keep it (it is a plain record) to resume a deploy that failed half-way with
 * {@code deploys().resume(deployment, source, options)}; steps already done are not done again.
 *
 * @param app       the app deployed to
 * @param step      the last step done
 * @param sourceUrl the uploaded source's {@code get_url}, once uploaded
 * @param checksum  the tarball's {@code SHA256:...}, once uploaded
 * @param buildId   the build, once created
 * @param releaseId the release the build made, once it succeeded
 */
public record Deployment(String app, DeployStep step, @Nullable String sourceUrl, @Nullable String checksum,
                         @Nullable UUID buildId, @Nullable UUID releaseId) {

    static Deployment start(String app) {
        return new Deployment(app, DeployStep.STARTED, null, null, null, null);
    }

    Deployment uploaded(String url, String sum) {
        return new Deployment(app, DeployStep.UPLOADED, url, sum, null, null);
    }

    Deployment buildCreated(UUID build) {
        return new Deployment(app, DeployStep.BUILD_CREATED, sourceUrl, checksum, build, null);
    }

    Deployment outputRead() {
        return new Deployment(app, DeployStep.BUILD_OUTPUT_READ, sourceUrl, checksum, buildId, null);
    }

    Deployment buildSucceeded(UUID release) {
        return new Deployment(app, DeployStep.BUILD_SUCCEEDED, sourceUrl, checksum, buildId, release);
    }

    Deployment released() {
        return new Deployment(app, DeployStep.RELEASED, sourceUrl, checksum, buildId, releaseId);
    }

    boolean done(DeployStep other) {
        return step.compareTo(other) >= 0;
    }
}
