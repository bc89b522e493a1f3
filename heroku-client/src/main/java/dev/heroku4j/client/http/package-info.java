/**
 * Request headers, logging, path safety, timeouts, JSON codecs and the configurer that assembles the Heroku {@code WebClient}.
 */
@NullMarked
package dev.heroku4j.client.http;

import org.jspecify.annotations.NullMarked;
