package dev.heroku4j.client.waiter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What ends a wait for one kind of resource, as {@code heroku-waiters.json} says: the field holding its state, the
 * states that are terminal success and terminal failure, those in progress, the fields that explain a failure, and
 * the deadline used when the caller gives none. A state in none of the groups (one Heroku added after this client
 * was generated) counts as in progress, so the deadline still ends the wait. Made by generated code.
 */
public record WaitSpec(String resource, String field, Set<String> success, Set<String> failure, Set<String> pending,
                       List<String> detail, Duration defaultDeadline) {

    public WaitSpec {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(field, "field");
        success = Set.copyOf(success);
        failure = Set.copyOf(failure);
        pending = Set.copyOf(pending);
        detail = List.copyOf(detail);
        if (success.isEmpty()) {
            throw new IllegalArgumentException(resource + ": a waiter needs a success state");
        }
        if (defaultDeadline.isNegative() || defaultDeadline.isZero()) {
            throw new IllegalArgumentException(resource + ": the default deadline must be positive");
        }
    }

    /** As the generated code declares it: the deadline in ISO-8601 ({@code PT30M}). */
    public static WaitSpec of(String resource, String field, List<String> success, List<String> failure,
                              List<String> pending, List<String> detail, String defaultDeadline) {
        return new WaitSpec(resource, field, Set.copyOf(success), Set.copyOf(failure), Set.copyOf(pending), detail,
                Duration.parse(defaultDeadline));
    }

    /** Whether a state ends the wait, and how. */
    public enum Phase { SUCCESS, FAILURE, IN_PROGRESS }

    public Phase phase(String state) {
        if (success.contains(state)) {
            return Phase.SUCCESS;
        }
        return failure.contains(state) ? Phase.FAILURE : Phase.IN_PROGRESS;
    }
}
