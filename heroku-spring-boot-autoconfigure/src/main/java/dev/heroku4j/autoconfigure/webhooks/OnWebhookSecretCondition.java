package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code heroku.webhooks.secret} is set at all, empty included: an empty secret then stops start-up
 * with an explanation instead of leaving the endpoint silently absent.
 */
final class OnWebhookSecretCondition extends SpringBootCondition {

    static final String PROPERTY = "heroku.webhooks.secret";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        if (environment.containsProperty(PROPERTY) || environment.containsProperty(PROPERTY + "[0]")) {
            return ConditionOutcome.match(PROPERTY + " is set");
        }
        return ConditionOutcome.noMatch(PROPERTY + " is not set");
    }
}
