/**
 * Testcontainers support: {@code @ServiceConnection} for the heroku4j simulator's container.
 */
@NullMarked
package dev.heroku4j.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
