package dev.heroku4j.sample;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.model.Release;

/** A release: {@code v3 Deploy 9b7e03d, succeeded}. */
public record ReleaseSummary(long version, @Nullable String description, @Nullable String status,
        @Nullable String user, @Nullable OffsetDateTime createdAt) {

    static ReleaseSummary of(Release release) {
        return new ReleaseSummary(release.getVersion() == null ? 0 : release.getVersion(), release.getDescription(),
                release.getStatusAsString(),
                release.getUser() == null ? null : release.getUser().getEmail(), release.getCreatedAt());
    }

}
