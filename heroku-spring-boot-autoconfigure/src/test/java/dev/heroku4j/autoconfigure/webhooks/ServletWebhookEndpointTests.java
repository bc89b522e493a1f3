package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.WebApplicationType;

/** The endpoint in a Spring MVC application on Tomcat. */
class ServletWebhookEndpointTests extends WebhookEndpointContract {

    @Override
    WebApplicationType stack() {
        return WebApplicationType.SERVLET;
    }
}
