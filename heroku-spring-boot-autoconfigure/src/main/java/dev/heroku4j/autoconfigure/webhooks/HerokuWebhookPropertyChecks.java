package dev.heroku4j.autoconfigure.webhooks;

import java.util.List;

import dev.heroku4j.autoconfigure.InvalidHerokuPropertyException;

/**
 * Checks {@code heroku.webhooks.*} while the endpoint is made. A secret is never quoted back: the only secret values
 * that can fail are empty ones.
 */
final class HerokuWebhookPropertyChecks {

    private HerokuWebhookPropertyChecks() {
    }

    static void check(HerokuWebhookProperties properties) {
        List<String> secrets = properties.getSecret();
        if (secrets.stream().allMatch(secret -> secret == null || secret.isBlank())) {
            throw InvalidHerokuPropertyException.notAllowed(OnWebhookSecretCondition.PROPERTY, "",
                    "it is empty, so no delivery could ever be verified",
                    "the secret registered with the Heroku webhook (several, comma-separated, while rotating)", null);
        }
        for (int i = 0; i < secrets.size(); i++) {
            if (secrets.get(i) == null || secrets.get(i).isBlank()) {
                throw InvalidHerokuPropertyException.notAllowed(OnWebhookSecretCondition.PROPERTY + "[" + i + "]", "",
                        "it is blank", "a secret that is not blank, or leave it out of the list", null);
            }
        }
        String path = properties.getPath();
        if (path == null || !path.startsWith("/") || path.length() < 2 || path.contains("*") || path.contains("{")
                || path.contains("?")) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.webhooks.path", path,
                    "it is not one literal path", "a path such as /heroku/webhooks (no wildcards or variables)", null);
        }
        long max = properties.getMaxBodySize().toBytes();
        if (max < 1 || max > Integer.MAX_VALUE) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.webhooks.max-body-size", properties.getMaxBodySize(),
                    "it is not a positive size below 2 GB", "a size such as 1MB or 64KB", null);
        }
        if (properties.getDuplicateWindow() < 1) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.webhooks.duplicate-window",
                    properties.getDuplicateWindow(), "it is not positive", "a number of deliveries, e.g. 10000", null);
        }
    }
}
