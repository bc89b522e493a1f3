package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.WebApplicationType;

/** The endpoint in a WebFlux application on Reactor Netty. */
class ReactiveWebhookEndpointTests extends WebhookEndpointContract {

    @Override
    WebApplicationType stack() {
        return WebApplicationType.REACTIVE;
    }
}
