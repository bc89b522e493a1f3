package dev.heroku4j.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on a {@code heroku.*} property: which one, its value, and what is allowed, in
 * place of the stack trace of the bean that could not be made.
 */
class HerokuPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHerokuPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidHerokuPropertyException cause) {
        boolean webhooks = cause.property().startsWith("heroku.webhooks.");
        String description = "The Heroku %s could not be created: the property %s has the value '%s'.%n%s."
            .formatted(webhooks ? "webhook endpoint" : "client", cause.property(), cause.value(),
                    capitalized(cause.problem()));
        String action = "%s%nOr, if this application should not %s, %s.".formatted(cause.action(),
                webhooks ? "receive Heroku webhooks" : "use Heroku",
                webhooks ? "remove heroku.webhooks.secret" : "set heroku.enabled=false");
        return new FailureAnalysis(description, action, cause);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
