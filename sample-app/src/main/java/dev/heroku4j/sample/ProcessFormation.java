package dev.heroku4j.sample;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.model.Formation;

/** One process type of an app's formation: {@code web × 2 (standard-1X)}. */
public record ProcessFormation(String type, long quantity, @Nullable String size, @Nullable String command) {

    static ProcessFormation of(Formation formation) {
        return new ProcessFormation(formation.getType(), formation.getQuantity() == null ? 0 : formation.getQuantity(),
                formation.getSize(), formation.getCommand());
    }

}
