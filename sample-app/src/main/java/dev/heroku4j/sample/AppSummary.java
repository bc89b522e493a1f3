package dev.heroku4j.sample;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.model.App;

/** An app as {@code GET /apps} lists it: where it runs, its formation and its latest release. */
public record AppSummary(String name, String id, @Nullable String region, @Nullable String stack,
        @Nullable String webUrl, @Nullable OffsetDateTime releasedAt, List<ProcessFormation> formation,
        @Nullable ReleaseSummary latestRelease) {

    static AppSummary of(App app, List<ProcessFormation> formation, @Nullable ReleaseSummary latestRelease) {
        return new AppSummary(app.getName(), String.valueOf(app.getId()),
                app.getRegion() == null ? null : app.getRegion().getName(),
                app.getStack() == null ? null : app.getStack().getName(),
                app.getWebUrl() == null ? null : app.getWebUrl().toString(), app.getReleasedAt(), formation,
                latestRelease);
    }

}
