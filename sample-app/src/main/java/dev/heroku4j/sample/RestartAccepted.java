package dev.heroku4j.sample;

/** Answer of {@code POST /apps/{name}/restart}. */
public record RestartAccepted(String app, String restarted) {
}
