package dev.heroku4j.client.webhook;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.AppWebhookAppWebhook;
import dev.heroku4j.client.model.AppWebhookCreateOpts;
import dev.heroku4j.client.model.AppWebhookUpdateOpts;

/**
 * {@link WebhookRegistrar} for the {@link ReactiveHerokuClient}: registers an app's webhook idempotently by URL,
 * updated when one of that URL exists, created when not. Nothing is sent until the returned {@code Mono} is
 * subscribed to.
 *
 * <pre>{@code
 * new ReactiveWebhookRegistrar(heroku)
 *         .register("my-app", "https://my-service.example/heroku/webhooks", List.of("api:release"))
 *         .subscribe(r -> secrets.store(r.secret()));   // Heroku never shows the secret again
 * }</pre>
 */
public final class ReactiveWebhookRegistrar {

    private final ReactiveHerokuClient heroku;

    public ReactiveWebhookRegistrar(ReactiveHerokuClient heroku) {
        this.heroku = Objects.requireNonNull(heroku, "heroku");
    }

    /** Registers with a new secret ({@link WebhookRegistrar#generateSecret()}) and {@code sync} level. */
    public Mono<WebhookRegistrar.Registration> register(String app, String url, List<String> include) {
        return register(app, url, include, AppWebhookCreateOpts.LevelEnum.SYNC, WebhookRegistrar.generateSecret(), null);
    }

    /**
     * Registers the webhook of {@code url} on {@code app}, as {@link WebhookRegistrar#register(String, String, List,
     * AppWebhookCreateOpts.LevelEnum, String, String)} does. Bad arguments fail at once, before anything is sent.
     */
    public Mono<WebhookRegistrar.Registration> register(String app, String url, List<String> include,
            AppWebhookCreateOpts.LevelEnum level, String secret, @Nullable String authorization) {
        WebhookRegistrar.check(url, include, secret);
        return find(app, url)
                .map(existing -> {
                    AppWebhookUpdateOpts update = new AppWebhookUpdateOpts().include(List.copyOf(include))
                            .levelAsString(level.json()).secret(secret).authorization(authorization);
                    return this.heroku.appWebhook()
                            .appWebhookUpdate(app, Objects.requireNonNull(existing.getId()), update)
                            .map(updated -> new WebhookRegistrar.Registration(updated, secret, false));
                })
                .defaultIfEmpty(Mono.defer(() -> {
                    AppWebhookCreateOpts create = new AppWebhookCreateOpts().url(url).include(List.copyOf(include))
                            .level(level).secret(secret).authorization(authorization);
                    return this.heroku.appWebhook().appWebhookCreate(app, create)
                            .map(created -> new WebhookRegistrar.Registration(created, secret, true));
                }))
                .flatMap(registration -> registration);
    }

    /** Every webhook of the app. */
    public Flux<AppWebhookAppWebhook> list(String app) {
        return this.heroku.appWebhook().appWebhookList(app);
    }

    /** The app's webhook of this URL, if there is one. */
    public Mono<AppWebhookAppWebhook> find(String app, String url) {
        return list(app).filter(w -> url.equals(w.getUrl())).next();
    }
}
