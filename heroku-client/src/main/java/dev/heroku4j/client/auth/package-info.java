/**
 * API key resolution (explicit, {@code HEROKU_API_KEY}, {@code ~/.netrc}) and the rule that sends it only to the API origin.
 */
@NullMarked
package dev.heroku4j.client.auth;

import org.jspecify.annotations.NullMarked;
