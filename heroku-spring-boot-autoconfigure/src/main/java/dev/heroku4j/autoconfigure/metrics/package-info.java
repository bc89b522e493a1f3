/**
 * Auto-configuration of Heroku client metrics (the remaining rate-limit quota).
 */
@NullMarked
package dev.heroku4j.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
