/**
 * What every generated model shares: {@link dev.heroku4j.client.model.support.HerokuModel}.
 */
@NullMarked
package dev.heroku4j.client.model.support;

import org.jspecify.annotations.NullMarked;
