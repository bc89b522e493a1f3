package dev.heroku4j.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.heroku4j.client.ConfigVars;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.AppWebhookAppWebhook;
import dev.heroku4j.client.model.AppWebhookCreateOpts;
import dev.heroku4j.client.model.AppWebhookUpdateOpts;

/**
 * Path parameter values: identities of the simulator's demo data where the simulator keeps state, and an example
 * value elsewhere (the simulator answers stateless links from the schema, whatever the identity). Looked up at each
 * use, so resources the suite created itself (a build) are there, and dynos replaced by scaling are current.
 */
final class Identities {

    static final String APP = "demo-storefront";
    static final String UNCOUPLED_APP = "demo-inventory-api";

    private final Map<String, Supplier<String>> lookups = new HashMap<>();

    /** {@code heroku} only looks identities up; it may be the client under test (lookups happen before the call). */
    Identities(HerokuClient heroku) {
        lookups.put("app_id_or_name", () -> APP);
        lookups.put("app_name", () -> APP);
        lookups.put("formation_id_or_type", () -> "web");
        lookups.put("domain_hostname_or_id", () -> "www.example.com");
        lookups.put("collaborator_email_or_id", () -> "dev@example.com");
        lookups.put("release_id_or_version", () -> heroku.release().releaseList(APP).first().orElseThrow().getId().toString());
        // A dyno of the formation: one-off dynos the suite starts may have ended by the time it is used.
        lookups.put("dyno_id_or_name", () -> heroku.dyno().dynoList(APP).toList().stream()
                .filter(dyno -> "web".equals(dyno.getType())).findFirst().orElseThrow().getName());
        lookups.put("add_on_id_or_name", () -> heroku.addOn().addOnListByApp(APP).first().orElseThrow().getId().toString());
        lookups.put("build_id", () -> heroku.build().buildList(APP).first().orElseThrow().getId().toString());
        Supplier<String> pipeline = () -> heroku.pipeline().pipelineList().first().orElseThrow().getId().toString();
        lookups.put("pipeline_id_or_name", pipeline);
        lookups.put("pipeline_id", pipeline);
        lookups.put("pipeline_coupling_id", () -> heroku.pipelineCoupling().pipelineCouplingList().first().orElseThrow()
                .getId().toString());
        // the simulator keeps app webhooks, their events and deliveries: made here when the suite has none yet
        lookups.put("app_webhook_id", () -> webhook(heroku).getId().toString());
        lookups.put("app_webhook_event_id", () -> delivered(heroku,
                () -> heroku.appWebhookEvent().appWebhookEventList(APP).first().map(e -> e.getId())).toString());
        lookups.put("app_webhook_delivery_id", () -> delivered(heroku,
                () -> heroku.appWebhookDelivery().appWebhookDeliveryList(APP).first().map(d -> d.getId())).toString());
    }

    /** The app's webhook, made when it has none: to a loopback port where nothing listens (deliveries just fail). */
    private static AppWebhookAppWebhook webhook(HerokuClient heroku) {
        return heroku.appWebhook().appWebhookList(APP).first().orElseGet(() -> heroku.appWebhook().appWebhookCreate(APP,
                new AppWebhookCreateOpts().url("http://127.0.0.1:9/contract-hooks").include(List.of("api:release"))
                        .level(AppWebhookCreateOpts.LevelEnum.NOTIFY)));
    }

    /** The latest event or delivery; when there is none, a release made for the webhook gives one. */
    private static UUID delivered(HerokuClient heroku, Supplier<Optional<UUID>> latest) {
        return latest.get().orElseGet(() -> {
            AppWebhookAppWebhook webhook = webhook(heroku);
            heroku.appWebhook().appWebhookUpdate(APP, webhook.getId(), new AppWebhookUpdateOpts().include(List.of("api:release")));
            heroku.configVar().configVarUpdate(APP, ConfigVars.set("CONTRACT_WEBHOOK", UUID.randomUUID().toString()));
            return latest.get().orElseThrow();
        });
    }

    String value(String parameter) {
        Supplier<String> lookup = lookups.get(parameter);
        return lookup == null ? "example" : lookup.get(); // looked up anew: dynos come and go as the suite scales
    }
}
