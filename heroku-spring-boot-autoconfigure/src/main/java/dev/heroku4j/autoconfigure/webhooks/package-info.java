/**
 * Receiving Heroku app webhooks in a Spring Boot application (Spring MVC or WebFlux): the endpoint, its
 * verification, the events published to the application, duplicate detection and metrics.
 */
@NullMarked
package dev.heroku4j.autoconfigure.webhooks;

import org.jspecify.annotations.NullMarked;
