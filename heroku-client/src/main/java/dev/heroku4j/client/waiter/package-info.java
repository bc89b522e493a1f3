/**
 * Waiting for Heroku's asynchronous work to end: one waiter per resource with a lifecycle state (generated from
 * {@code heroku-waiters.json}), all on one polling engine that backs off, keeps to a share of the rate limit, always
 * has a deadline and gives a typed {@link dev.heroku4j.client.waiter.WaitOutcome}.
 */
@NullMarked
package dev.heroku4j.client.waiter;

import org.jspecify.annotations.NullMarked;
