/**
 * Log and build-output streams that resume after a break, log tails across sessions, source uploads to signed
 * URLs, and bounded polling.
 */
@NullMarked
package dev.heroku4j.client.streaming;

import org.jspecify.annotations.NullMarked;
