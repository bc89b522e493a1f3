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
        String description = "The Heroku client could not be created: the property %s has the value '%s'.%n%s."
            .formatted(cause.property(), cause.value(), capitalized(cause.problem()));
        String action = "%s%nOr, if this application should not use Heroku, set heroku.enabled=false."
            .formatted(cause.action());
        return new FailureAnalysis(description, action, cause);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
