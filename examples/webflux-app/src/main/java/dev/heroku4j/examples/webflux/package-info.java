/**
 * Twelve Heroku jobs as HTTP endpoints of a Spring WebFlux application, with the {@code ReactiveHerokuClient}.
 * Nothing blocks: an event-loop thread must not wait, and the blocking {@code HerokuClient} refuses to run on one.
 */
@NullMarked
package dev.heroku4j.examples.webflux;

import org.jspecify.annotations.NullMarked;
