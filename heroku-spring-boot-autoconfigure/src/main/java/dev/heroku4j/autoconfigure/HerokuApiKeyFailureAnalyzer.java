package dev.heroku4j.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.heroku4j.client.auth.ApiKeyNotFoundException;
import dev.heroku4j.client.auth.ApiKeyResolver;

/**
 * Explains a start-up that failed because no Heroku API key was found: where the client looked and how to set one.
 */
class HerokuApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<ApiKeyNotFoundException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ApiKeyNotFoundException cause) {
        return new FailureAnalysis(description(cause), action(), cause);
    }

    private static String description(ApiKeyNotFoundException cause) {
        String message = String.valueOf(cause.getMessage());
        // The client's message is "No Heroku API key found. Looked at: ... Set one of: <client API advice>";
        // keep the places it looked at and give Spring Boot advice instead.
        int advice = message.indexOf("\nSet one of");
        String looked = ((advice >= 0) ? message.substring(0, advice) : message)
            .replace("No Heroku API key found. Looked at:", "")
            .replace("configured API key", "property heroku.api-key")
            .strip();
        return "The Heroku client could not be created because no Heroku API key was found. Looked at:%n  %s"
            .formatted(looked);
    }

    private static String action() {
        return """
                Set a Heroku API key in one of these ways:
                  - the property heroku.api-key, e.g. in application.yml:
                        heroku:
                          api-key: ${MY_SECRET_HEROKU_KEY}
                  - the environment variable %s, e.g. export %s=$(heroku auth:token)
                    (for a long-lived key: heroku authorizations:create --short)
                  - 'heroku login' (Heroku CLI 13 and later keep the token in the OS credential store, read
                    here with secret-tool on Linux or security on macOS; older ones write ~/.netrc)
                  - a netrc entry 'machine %s login <email> password <key>' in ~/.netrc (or the file named by $NETRC),
                    readable and writable by you only (chmod 600)
                Or, if this application should not use Heroku, set heroku.enabled=false."""
            .formatted(ApiKeyResolver.ENV_VARIABLE, ApiKeyResolver.ENV_VARIABLE, ApiKeyResolver.DEFAULT_NETRC_MACHINE);
    }

}
