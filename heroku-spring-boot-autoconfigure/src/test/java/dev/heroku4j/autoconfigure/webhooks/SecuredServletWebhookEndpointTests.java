package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.WebApplicationType;

/** The endpoint in a Spring MVC on Tomcat application with Spring Security's defaults. */
class SecuredServletWebhookEndpointTests extends SecuredWebhookEndpointContract {

    @Override
    WebApplicationType stack() {
        return WebApplicationType.SERVLET;
    }
}
