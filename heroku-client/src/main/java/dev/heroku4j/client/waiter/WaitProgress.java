package dev.heroku4j.client.waiter;

import java.time.Duration;

/**
 * One poll of a wait: what was seen and when.
 *
 * @param resource the kind of resource ({@code build})
 * @param state    its state, as Heroku wrote it (empty when the field was missing)
 * @param poll     the number of this poll, from 1
 * @param elapsed  time since the wait began
 * @param value    the resource as read
 */
public record WaitProgress(String resource, String state, int poll, Duration elapsed, Object value) {
}
