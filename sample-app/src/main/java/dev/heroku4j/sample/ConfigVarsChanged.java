package dev.heroku4j.sample;

import java.util.List;

/**
 * Answer of {@code PATCH /apps/{name}/config-vars}: which keys were set and unset, and the names now configured.
 * Values are left out on purpose; config vars usually hold secrets.
 */
public record ConfigVarsChanged(String app, List<String> set, List<String> unset, List<String> configVarNames) {
}
