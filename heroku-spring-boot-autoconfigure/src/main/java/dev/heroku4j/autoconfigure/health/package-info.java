/**
 * Auto-configuration of the Heroku health indicator.
 */
@NullMarked
package dev.heroku4j.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
