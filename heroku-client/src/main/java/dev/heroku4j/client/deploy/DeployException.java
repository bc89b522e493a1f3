package dev.heroku4j.client.deploy;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.error.HerokuException;
import dev.heroku4j.client.waiter.WaitOutcome;

/**
 * A deploy stopped: a build or release that failed (its outcome carries the failure detail), a deadline passed, or a
 * call failed. {@link #deployment()} is how far it got, to resume from.
 */
public class DeployException extends HerokuException {

    private final transient Deployment deployment;
    private final transient @Nullable WaitOutcome<?> outcome;

    public DeployException(String message, Deployment deployment, @Nullable WaitOutcome<?> outcome, @Nullable Throwable cause) {
        super(message, cause);
        this.deployment = deployment;
        this.outcome = outcome;
    }

    /** The last step done, with the ids made so far. */
    public Deployment deployment() {
        return deployment;
    }

    /** The step that failed: the one after {@link #deployment()}'s last step done. */
    public DeployStep failedStep() {
        DeployStep[] steps = DeployStep.values();
        return steps[Math.min(deployment.step().ordinal() + 1, steps.length - 1)];
    }

    /** How the build's or release's wait ended, when that is what stopped the deploy. */
    public @Nullable WaitOutcome<?> outcome() {
        return outcome;
    }
}
