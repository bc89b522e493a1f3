/**
 * Tracking of {@code RateLimit-Remaining} and an optional governor that slows calls as the quota runs low.
 */
@NullMarked
package dev.heroku4j.client.ratelimit;

import org.jspecify.annotations.NullMarked;
