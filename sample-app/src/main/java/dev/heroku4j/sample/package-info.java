/**
 * A Spring Boot (Spring MVC) service built on the heroku4j starter and its blocking {@code HerokuClient}: JSON
 * endpoints and a small web page to list apps, scale dynos, change config vars, restart and tail logs. Without an API
 * key it runs against the built-in simulator.
 */
@NullMarked
package dev.heroku4j.sample;

import org.jspecify.annotations.NullMarked;
