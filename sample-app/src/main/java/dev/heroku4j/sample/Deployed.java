package dev.heroku4j.sample;

import java.util.List;

/** What the deploy action did: the steps in order, the build's and release phase's output, and the release made. */
public record Deployed(String app, List<String> steps, List<String> output, ReleaseSummary release) {
}
