package dev.heroku4j.client.webhook;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One Heroku webhook event as delivered: the envelope, its {@code data} decoded into the generated model of the
 * entity ({@code api:release} gives a {@link dev.heroku4j.client.model.Release}), and the delivery's metadata.
 * Made by {@link WebhookEvents#read}. An entity without a model here keeps its data as JSON ({@link #dataJson()}).
 *
 * @param id the event's id
 * @param entity the entity type subscribed to ({@code api:release}, {@code dyno}, ...)
 * @param action {@code create}, {@code update} or {@code destroy}
 * @param resource the resource name of the envelope ({@code release})
 * @param version the API version {@code data} is written in
 * @param sequence Heroku's ordering value for events of one resource, when it sends one; deliveries can arrive out
 *        of order, compare this rather than arrival
 * @param actor who caused the event, when known
 * @param publishedAt when Heroku published the event
 * @param createdAt when the event was created
 * @param data the resource after the change, as the entity's model, or the JSON for unknown entities
 * @param dataJson the resource after the change as JSON
 * @param previousDataJson the fields that changed, with their values before (empty for create)
 * @param metadata the delivery: its id, attempt, event and webhook ids
 */
public record WebhookEvent(@Nullable String id, String entity, String action, @Nullable String resource,
        @Nullable String version, @Nullable String sequence, @Nullable Actor actor,
        @Nullable OffsetDateTime publishedAt, @Nullable OffsetDateTime createdAt, Object data, JsonNode dataJson,
        JsonNode previousDataJson, Metadata metadata) {

    /** Who caused the event. */
    public record Actor(@Nullable String id, @Nullable String email) {
    }

    /**
     * The delivery this event came in.
     *
     * @param deliveryId the same for every retry of one delivery
     * @param attemptId new at each attempt
     * @param eventId the event, the same in every delivery of it
     * @param webhookId the subscription it was delivered for
     */
    public record Metadata(@Nullable String deliveryId, @Nullable String attemptId, @Nullable String eventId,
            @Nullable String webhookId) {
    }

    public WebhookEvent {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(data, "data");
    }

    /** {@code data} as the given model, e.g. {@code event.data(Release.class)}. */
    public <T> T data(Class<T> type) {
        if (type.isInstance(this.data)) {
            return type.cast(this.data);
        }
        return WebhookEvents.convert(this.dataJson, type);
    }

    /** Whether this event is about the entity (e.g. {@code api:release}) and action (e.g. {@code update}). */
    public boolean is(String entity, String action) {
        return this.entity.equals(entity) && this.action.equals(action);
    }

    /**
     * The key a receiver recognises retries by: the delivery id (the same for every attempt of one delivery), else
     * the event id.
     */
    public @Nullable String deliveryKey() {
        if (this.metadata.deliveryId() != null) {
            return this.metadata.deliveryId();
        }
        return this.metadata.eventId() != null ? this.metadata.eventId() : this.id;
    }

    /** The {@code status} field of the data ({@code succeeded} for a release, {@code up} for a dyno), if any. */
    public @Nullable String status() {
        JsonNode status = this.dataJson.get("status");
        if (status == null || !status.isString()) {
            status = this.dataJson.get("state");
        }
        return status != null && status.isString() ? status.asString() : null;
    }

    @Override
    public String toString() {
        return "WebhookEvent[" + this.entity + " " + this.action + ", id=" + this.id + ", delivery="
                + this.metadata.deliveryId() + "]";
    }
}
