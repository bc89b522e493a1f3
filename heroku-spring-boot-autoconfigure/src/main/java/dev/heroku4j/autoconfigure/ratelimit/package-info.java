/**
 * Auto-configuration of the shared rate-limit throttle ({@code heroku.rate-limit.shared.*}).
 */
@NullMarked
package dev.heroku4j.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
