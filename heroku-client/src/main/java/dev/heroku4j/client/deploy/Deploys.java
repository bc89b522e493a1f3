package dev.heroku4j.client.deploy;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.internal.Blocking;
import dev.heroku4j.client.model.PipelinePromotionCreateOpts;
import dev.heroku4j.client.model.Release;

/**
 * The deploy pipeline, blocking: {@link ReactiveDeploys}, waited for up to the options' deadline. Interrupting the
 * thread cancels the deploy where it is (its {@link Deployment}, from the listener, says how far it got). Reach it
 * through {@code HerokuClient.deploys()}.
 */
public final class Deploys {

    private final ReactiveDeploys reactive;
    private final Blocking blocking;

    public Deploys(ReactiveDeploys reactive, Blocking blocking) {
        this.reactive = Objects.requireNonNull(reactive, "reactive");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** Deploys {@code source} to {@code app} and returns the release once it succeeded. */
    public Release deploy(String app, DeploySource source, DeployOptions options) {
        return Objects.requireNonNull(blocking.within(reactive.deploy(app, source, options), options.deadline()));
    }

    public Release deploy(String app, DeploySource source) {
        return deploy(app, source, DeployOptions.defaults());
    }

    /** See {@link ReactiveDeploys#resume}. */
    public Release resume(Deployment from, @Nullable DeploySource source, DeployOptions options) {
        return Objects.requireNonNull(blocking.within(reactive.resume(from, source, options), options.deadline()));
    }

    /** See {@link ReactiveDeploys#promote}. */
    public Promotion promote(PipelinePromotionCreateOpts request, DeployOptions options) {
        return Objects.requireNonNull(blocking.within(reactive.promote(request, options), options.deadline()));
    }
}
