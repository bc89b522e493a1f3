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
import dev.heroku4j.simulator.HerokuSimulator;

/**
 * Path parameter values: identities of the simulator's demo data where the simulator keeps state, and an example
 * value elsewhere (the simulator answers stateless links from the schema, whatever the identity). Looked up at each
 * use, so resources the suite created itself (a build) are there, and dynos replaced by scaling are current.
 */
final class Identities {

    static final String APP = "demo-storefront";
    static final String UNCOUPLED_APP = "demo-inventory-api";
    static final String STAGING_APP = "demo-storefront-staging";

    private final Map<String, Supplier<String>> lookups = new HashMap<>();
    private final HerokuClient heroku;

    /** {@code heroku} only looks identities up; it may be the client under test (lookups happen before the call). */
    Identities(HerokuClient heroku, HerokuSimulator simulator) {
        this.heroku = heroku;
        lookups.put("app_id_or_name", () -> APP);
        lookups.put("app_name", () -> APP);
        lookups.put("formation_id_or_type", () -> "web");
        lookups.put("domain_hostname_or_id", () -> "www.example.com");
        lookups.put("collaborator_email_or_id", () -> "dev@example.com");
        lookups.put("release_id_or_version", () -> heroku.release().releaseList(APP).first().orElseThrow().getId().toString());
        // A dyno of the formation: one-off dynos the suite starts may have ended by the time it is used.
        lookups.put("dyno_id_or_name", () -> heroku.dyno().dynoList(APP).toList().stream()
                .filter(dyno -> "web".equals(dyno.getType())).findFirst().orElseThrow().getName());
        // the app's oldest add-on (the demo's, which has a log drain): list pages come in id order, which is random
        lookups.put("add_on_id_or_name", () -> simulator.state().store()
                .list("add-on", addOn -> APP.equals(addOn.at("/app/name").asString())).stream()
                .findFirst().map(addOn -> addOn.get("id").asString())
                .orElseGet(() -> heroku.addOn().addOnListByApp(APP).first().orElseThrow().getId().toString()));
        lookups.put("build_id", () -> heroku.build().buildList(APP).first().orElseThrow().getId().toString());
        Supplier<String> pipeline = () -> heroku.pipeline().pipelineList().first().orElseThrow().getId().toString();
        lookups.put("pipeline_id_or_name", pipeline);
        lookups.put("pipeline_id", pipeline);
        lookups.put("region_id_or_name", () -> "eu");
        lookups.put("stack_id_or_name", () -> "heroku-24");
        lookups.put("sni_endpoint_id_or_name", () -> heroku.sniEndpoint().sniEndpointList(APP).first().orElseThrow().getName());
        // the demo add-on's drain: reachable under the app and under the add-on (the suite's own drain only under the app)
        lookups.put("log_drain_id_or_token_or_url", () -> heroku.logDrain().logDrainListByAddOn(value("add_on_id_or_name")).first()
                .or(() -> heroku.logDrain().logDrainList(APP).first())
                .orElseThrow().getToken());
        lookups.put("add_on_name", () -> heroku.addOn().addOnListByApp(APP).first().orElseThrow().getName());
        lookups.put("app_webhook_id", () -> heroku.appWebhook().appWebhookList(APP).first().orElseThrow().getId().toString());
        lookups.put("add_on_attachment_id", () -> heroku.addOnAttachment().addOnAttachmentListByApp(APP).first().orElseThrow()
                .getId().toString());
        lookups.put("add_on_attachment_id_or_name", () -> heroku.addOnAttachment().addOnAttachmentListByApp(APP).first()
                .orElseThrow().getName());
        // no list operation for these: the ones the suite created, read from the simulator's state
        lookups.put("pipeline_promotion_id", () -> stored(simulator, "pipeline-promotion"));
        lookups.put("app_setup_id", () -> stored(simulator, "app-setup"));
        lookups.put("slug_id", () -> stored(simulator, "slug"));
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

    /** The id of the latest stored resource of a definition, or "example" when there is none yet. */
    private static String stored(HerokuSimulator simulator, String definition) {
        var items = simulator.state().store().list(definition, item -> true);
        return items.isEmpty() ? "example" : items.get(items.size() - 1).get("id").asString();
    }

    String appId(String name) {
        return heroku.app().appInfo(name).getId().toString();
    }

    String value(String parameter) {
        Supplier<String> lookup = lookups.get(parameter);
        return lookup == null ? "example" : lookup.get(); // looked up anew: dynos come and go as the suite scales
    }
}
