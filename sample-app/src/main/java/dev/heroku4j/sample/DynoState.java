package dev.heroku4j.sample;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.model.Dyno;

/** A running dyno: {@code web.1 up}. */
public record DynoState(String name, String type, @Nullable String state, @Nullable String size,
        @Nullable OffsetDateTime updatedAt) {

    static DynoState of(Dyno dyno) {
        return new DynoState(dyno.getName(), dyno.getType(), dyno.getState(), dyno.getSize(), dyno.getUpdatedAt());
    }

}
