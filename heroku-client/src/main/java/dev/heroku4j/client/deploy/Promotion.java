package dev.heroku4j.client.deploy;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.model.PipelinePromotion;
import dev.heroku4j.client.model.Release;

/**
 * A pipeline promotion that has completed, with what became of each target.
 *
 * @param promotion the promotion as it completed
 * @param targets   one per target app
 */
public record Promotion(PipelinePromotion promotion, List<Target> targets) {

    public Promotion {
        targets = List.copyOf(targets);
    }

    /**
     * @param app     the target app's id
     * @param status  the target's status ({@code succeeded}, {@code failed}), or the state its release ended in
     *                when the promotion succeeded but the release did not ({@code release failed})
     * @param error   Heroku's {@code error_message} for a failed target
     * @param release the release made on the target once it succeeded, release phase included
     */
    public record Target(UUID app, String status, @Nullable String error, @Nullable Release release) {

        public boolean succeeded() {
            return release != null;
        }
    }

    /** Whether every target has its release. */
    public boolean succeeded() {
        return targets.stream().allMatch(Target::succeeded);
    }
}
