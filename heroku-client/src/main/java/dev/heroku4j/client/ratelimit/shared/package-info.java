/**
 * The shared rate-limit throttle: one Bucket4j bucket per Heroku account in Redis or PostgreSQL, used by every
 * client of the account. Needs Bucket4j (and Lettuce or a JDBC driver) on the classpath, which heroku-client
 * declares optional.
 */
@NullMarked
package dev.heroku4j.client.ratelimit.shared;

import org.jspecify.annotations.NullMarked;
