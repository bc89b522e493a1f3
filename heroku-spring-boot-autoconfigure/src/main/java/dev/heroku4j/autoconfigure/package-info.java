/**
 * Auto-configuration of the heroku4j {@code HerokuClient}: properties, customizers and start-up failure analysis.
 */
@NullMarked
package dev.heroku4j.autoconfigure;

import org.jspecify.annotations.NullMarked;
