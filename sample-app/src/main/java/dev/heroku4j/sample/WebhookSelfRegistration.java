package dev.heroku4j.sample;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppWebhookCreateOpts;
import dev.heroku4j.client.webhook.WebhookRegistrar;
import dev.heroku4j.simulator.HerokuSimulator;

/**
 * On the built-in simulator only: once the server listens, subscribes this application's webhook endpoint to every
 * app's events, with the secret {@link EmbeddedSimulatorFallback} configured. Against the real Heroku API it does
 * nothing: Heroku cannot reach a service on 127.0.0.1, and subscribing your apps is your decision
 * ({@link WebhookRegistrar}, or {@code heroku webhooks:add}).
 */
@Component
class WebhookSelfRegistration implements ApplicationListener<WebServerInitializedEvent> {

    static final List<String> ENTITIES = List.of("api:app", "api:addon", "api:addon-attachment", "api:build",
            "api:domain", "api:formation", "api:release", "dyno");

    private static final Logger log = LoggerFactory.getLogger(WebhookSelfRegistration.class);

    private final ObjectProvider<HerokuSimulator> simulator;

    private final ObjectProvider<HerokuClient> heroku;

    private final Environment environment;

    WebhookSelfRegistration(ObjectProvider<HerokuSimulator> simulator, ObjectProvider<HerokuClient> heroku,
            Environment environment) {
        this.simulator = simulator;
        this.heroku = heroku;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String secrets = this.environment.getProperty("heroku.webhooks.secret");
        if (this.simulator.getIfAvailable() == null || secrets == null || secrets.isBlank()
                || event.getApplicationContext().getServerNamespace() != null) {
            return; // not on the simulator, no endpoint, or the management server
        }
        String url = "http://127.0.0.1:" + event.getWebServer().getPort()
                + this.environment.getProperty("heroku.webhooks.path", "/heroku/webhooks");
        String secret = secrets.split(",")[0].strip();
        HerokuClient client = this.heroku.getObject();
        WebhookRegistrar registrar = new WebhookRegistrar(client);
        for (App app : client.app().appList()) {
            registrar.register(app.getName(), url, ENTITIES, AppWebhookCreateOpts.LevelEnum.SYNC, secret, null);
        }
        log.info("Subscribed {} to the simulator's app webhooks: events show live on the page", url);
    }

}
