/**
 * Retrying of rate-limited, unavailable and failed-to-connect requests.
 */
@NullMarked
package dev.heroku4j.client.retry;

import org.jspecify.annotations.NullMarked;
