package dev.heroku4j.client.webhook;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.AppWebhookAppWebhook;
import dev.heroku4j.client.model.AppWebhookCreateOpts;
import dev.heroku4j.client.model.AppWebhookUpdateOpts;

/**
 * Registers an app's webhook idempotently by URL: the webhook of that URL is updated when it exists, created when
 * not, so a service can register itself at every start without piling up subscriptions.
 *
 * <pre>{@code
 * WebhookRegistrar.Registration r = new WebhookRegistrar(heroku)
 *         .register("my-app", "https://my-service.example/heroku/webhooks", List.of("api:release", "api:formation"));
 * r.secret();   // give it to the receiver (heroku.webhooks.secret); Heroku never shows it again
 * }</pre>
 *
 * Heroku never returns a webhook's secret, so a registration always sets one: the one given, or a new one from
 * {@link #generateSecret()}. When a receiver already verifies with an older secret, keep both configured until the
 * new one is in use (the verifier accepts several).
 */
public final class WebhookRegistrar {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HerokuClient heroku;

    public WebhookRegistrar(HerokuClient heroku) {
        this.heroku = Objects.requireNonNull(heroku, "heroku");
    }

    /**
     * A registered webhook and the secret it signs with.
     *
     * @param created whether it was created now (else an existing one of the URL was updated)
     */
    public record Registration(AppWebhookAppWebhook webhook, String secret, boolean created) {

        @Override
        public String toString() {
            return "Registration[" + this.webhook.getUrl() + ", created=" + this.created + ", secret=******]";
        }
    }

    /** Registers with a new secret and {@code sync} level (Heroku retries until a 2xx). */
    public Registration register(String app, String url, List<String> include) {
        return register(app, url, include, AppWebhookCreateOpts.LevelEnum.SYNC, generateSecret(), null);
    }

    /**
     * Registers the webhook of {@code url} on {@code app}: created when the app has none with that URL, else updated
     * to these entity types, level, secret and authorization.
     *
     * @param authorization the {@code Authorization} value Heroku is to send, or {@code null} for none
     */
    public Registration register(String app, String url, List<String> include, AppWebhookCreateOpts.LevelEnum level,
            String secret, @Nullable String authorization) {
        check(url, include, secret);
        Optional<AppWebhookAppWebhook> existing = find(app, url);
        if (existing.isPresent()) {
            AppWebhookUpdateOpts update = new AppWebhookUpdateOpts().include(List.copyOf(include))
                    .levelAsString(level.json()).secret(secret).authorization(authorization);
            AppWebhookAppWebhook updated = this.heroku.appWebhook()
                    .appWebhookUpdate(app, Objects.requireNonNull(existing.get().getId()), update);
            return new Registration(updated, secret, false);
        }
        AppWebhookCreateOpts create = new AppWebhookCreateOpts().url(url).include(List.copyOf(include)).level(level)
                .secret(secret).authorization(authorization);
        return new Registration(this.heroku.appWebhook().appWebhookCreate(app, create), secret, true);
    }

    /** What both registrars refuse before anything is sent. */
    static void check(String url, List<String> include, String secret) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(include, "include");
        Objects.requireNonNull(secret, "secret");
        if (include.isEmpty()) {
            throw new IllegalArgumentException("A webhook needs at least one entity type to include, e.g. api:release");
        }
        if (secret.isBlank()) {
            throw new IllegalArgumentException("A webhook secret must not be empty or blank");
        }
    }

    /** Every webhook of the app. */
    public List<AppWebhookAppWebhook> list(String app) {
        return this.heroku.appWebhook().appWebhookList(app).toList();
    }

    /** The app's webhook of this URL, if there is one. */
    public Optional<AppWebhookAppWebhook> find(String app, String url) {
        return list(app).stream().filter(w -> url.equals(w.getUrl())).findFirst();
    }

    /** 32 random bytes from {@link SecureRandom}, as 64 hex digits. */
    public static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
