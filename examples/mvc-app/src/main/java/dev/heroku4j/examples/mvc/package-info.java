/**
 * Twelve Heroku jobs as HTTP endpoints of a Spring MVC application, with the blocking {@code HerokuClient}.
 * No reactive type anywhere: a servlet thread may block, so the plain return values are the natural fit.
 */
@NullMarked
package dev.heroku4j.examples.mvc;

import org.jspecify.annotations.NullMarked;
