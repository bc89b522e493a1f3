package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.WebApplicationType;

/** The endpoint in a WebFlux on Reactor Netty application with Spring Security's defaults. */
class SecuredReactiveWebhookEndpointTests extends SecuredWebhookEndpointContract {

    @Override
    WebApplicationType stack() {
        return WebApplicationType.REACTIVE;
    }
}
