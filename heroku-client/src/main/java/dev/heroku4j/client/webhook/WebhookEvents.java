package dev.heroku4j.client.webhook;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.model.AddOn;
import dev.heroku4j.client.model.AddOnAttachment;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.Collaborator;
import dev.heroku4j.client.model.Domain;
import dev.heroku4j.client.model.Dyno;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.model.SniEndpoint;
import dev.heroku4j.client.webhook.WebhookVerificationException.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a verified delivery body into a {@link WebhookEvent}. The envelope follows Heroku's {@code app-webhook-event}
 * payload plus the {@code webhook_metadata} it delivers; {@code data} is the resource's normal v3 representation, so
 * it decodes into the same generated model the client returns (unknown fields kept, unknown enum values readable).
 */
public final class WebhookEvents {

    /** The entity types Heroku delivers for apps, each with the model of its {@code data}. */
    public static final Map<String, Class<?>> MODELS = Map.of(
            "api:addon-attachment", AddOnAttachment.class,
            "api:addon", AddOn.class,
            "api:app", App.class,
            "api:build", Build.class,
            "api:collaborator", Collaborator.class,
            "api:domain", Domain.class,
            "api:formation", Formation.class,
            "api:release", Release.class,
            "api:sni-endpoint", SniEndpoint.class,
            "dyno", Dyno.class);

    private static final JsonMapper JSON = HerokuJson.mapper();

    private WebhookEvents() {
    }

    /** The model class of an entity's data, if it has one here. */
    public static Optional<Class<?>> model(String entity) {
        return Optional.ofNullable(MODELS.get(entity));
    }

    /**
     * Reads a delivery body. Call it after {@link WebhookVerifier#verify}: only then is the body Heroku's.
     *
     * @throws WebhookVerificationException ({@link Reason#MALFORMED}) when it is not a webhook envelope
     */
    public static WebhookEvent read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        }
        catch (JacksonException ex) {
            throw malformed("it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("it is not a JSON object");
        }
        String action = text(root, "action");
        String resource = text(root, "resource");
        JsonNode metadata = root.path("webhook_metadata");
        String entity = text(metadata.path("event"), "include");
        if (entity == null && resource != null) {
            entity = "dyno".equals(resource) ? "dyno" : "api:" + resource;
        }
        if (entity == null || action == null) {
            throw malformed("it has no " + (action == null ? "action" : "entity (resource or webhook_metadata.event.include)"));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw malformed("its data is not a JSON object");
        }
        JsonNode previous = root.get("previous_data");
        if (previous == null || previous.isNull()) {
            previous = JsonNodeFactory.instance.objectNode();
        }
        Object typed = data;
        Class<?> model = MODELS.get(entity);
        if (model != null) {
            try {
                typed = convert(data, model);
            }
            catch (IllegalArgumentException ex) {
                throw malformed("its data does not read as " + model.getSimpleName() + " for " + entity);
            }
        }
        JsonNode actor = root.get("actor");
        WebhookEvent.Actor who = actor != null && actor.isObject()
                ? new WebhookEvent.Actor(text(actor, "id"), text(actor, "email")) : null;
        WebhookEvent.Metadata delivery = new WebhookEvent.Metadata(text(metadata.path("delivery"), "id"),
                text(metadata.path("attempt"), "id"), text(metadata.path("event"), "id"),
                text(metadata.path("webhook"), "id"));
        return new WebhookEvent(text(root, "id"), entity, action, resource, text(root, "version"),
                text(root, "sequence"), who, time(root, "published_at"), time(root, "created_at"), typed, data,
                previous, delivery);
    }

    static <T> T convert(JsonNode json, Class<T> type) {
        try {
            return JSON.treeToValue(json, type);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("data does not read as " + type.getSimpleName(), ex);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    private static @Nullable OffsetDateTime time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw malformed("its " + field + " is not a date-time");
        }
    }

    private static WebhookVerificationException malformed(String problem) {
        return new WebhookVerificationException(Reason.MALFORMED, "Webhook body is not a Heroku event: " + problem);
    }
}
