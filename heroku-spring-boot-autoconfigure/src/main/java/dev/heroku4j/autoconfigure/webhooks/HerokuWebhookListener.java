package dev.heroku4j.autoconfigure.webhooks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that receives Heroku webhook events, filtered by entity, action and status (each empty means
 * any). Its one parameter is the {@link dev.heroku4j.client.webhook.WebhookEvent}, the {@link HerokuWebhookEvent},
 * or the data's model, e.g. releases that succeeded:
 *
 * <pre>{@code
 * @HerokuWebhookListener(entity = "api:release", status = "succeeded")
 * void released(Release release) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HerokuWebhookListener {

    /** Entity types, e.g. {@code api:release}, {@code api:formation}, {@code dyno}. */
    String[] entity() default {};

    /** Actions: {@code create}, {@code update}, {@code destroy}. */
    String[] action() default {};

    /** Values of the data's {@code status} (or {@code state}) field, e.g. {@code succeeded}, {@code failed}. */
    String[] status() default {};
}
