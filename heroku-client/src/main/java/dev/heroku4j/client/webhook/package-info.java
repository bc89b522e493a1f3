/**
 * Receiving Heroku app webhooks without Spring: {@link dev.heroku4j.client.webhook.WebhookVerifier} checks a
 * delivery's signature over its raw bytes, {@link dev.heroku4j.client.webhook.WebhookEvents} reads the envelope and
 * decodes its {@code data} into the generated model of the entity, and
 * {@link dev.heroku4j.client.webhook.WebhookRegistrar} registers an app's webhook idempotently by URL.
 */
@NullMarked
package dev.heroku4j.client.webhook;

import org.jspecify.annotations.NullMarked;
