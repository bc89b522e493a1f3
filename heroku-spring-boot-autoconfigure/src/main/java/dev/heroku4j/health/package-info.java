/**
 * Health indicator for the Heroku Platform API.
 */
@NullMarked
package dev.heroku4j.health;

import org.jspecify.annotations.NullMarked;
