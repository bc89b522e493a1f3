/**
 * Tracking of {@code RateLimit-Remaining} and the throttles that pace calls as the quota runs low: {@link
 * dev.heroku4j.client.ratelimit.AdaptiveThrottle} (local, on by default) and, in {@code shared}, one bucket for every
 * instance.
 */
@NullMarked
package dev.heroku4j.client.ratelimit;

import org.jspecify.annotations.NullMarked;
