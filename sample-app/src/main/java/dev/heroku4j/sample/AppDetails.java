package dev.heroku4j.sample;

import java.util.List;

/**
 * One app as {@code GET /apps/{name}} shows it: the summary, its dynos, its most recent releases (newest first) and
 * the names of its config vars (never their values: they are usually secrets).
 */
public record AppDetails(AppSummary app, List<DynoState> dynos, List<ReleaseSummary> releases,
        List<String> configVarNames) {
}
