package dev.heroku4j.client.waiter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.heroku4j.client.http.HerokuJson;

/**
 * The one polling engine behind every generated waiter, reactive (the blocking waiters wait for it). Polls the
 * resource now, then after pauses that grow by 1.5 (with 10% jitter) up to the maximum interval, each poll first
 * cleared by the client's {@link PollBudget}, until the state is terminal or the deadline passes. Never two polls of
 * one wait at once. An error from a poll (after the client's own retries) ends the wait with that error: a 404 means
 * the resource is gone, which no amount of waiting changes. Cancelling the subscription stops polling at once.
 */
public final class Waiter {

    private static final JsonMapper JSON = HerokuJson.mapper();
    private static final double GROWTH = 1.5;

    private final PollBudget budget;

    public Waiter(PollBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    public PollBudget budget() {
        return budget;
    }

    /** Waits for the resource {@code probe} reads; completes with the outcome, or the error of a failed poll. */
    public <T> Mono<WaitOutcome<T>> await(WaitSpec spec, Supplier<Mono<T>> probe, WaitOptions options) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(options, "options");
        Duration deadline = options.deadlineFor(spec);
        return Mono.defer(() -> {
            long start = System.nanoTime();
            AtomicReference<@Nullable T> last = new AtomicReference<>();
            AtomicReference<@Nullable String> lastState = new AtomicReference<>();
            AtomicInteger polls = new AtomicInteger();
            Supplier<Duration> elapsed = () -> Duration.ofNanos(System.nanoTime() - start);
            Mono<T> poll = cleared(options.quotaShare()).then(Mono.defer(probe)).doOnNext(value -> {
                last.set(value);
                String state = stateOf(spec, value);
                lastState.set(state);
                options.onPoll().accept(new WaitProgress(spec.resource(), state, polls.incrementAndGet(), elapsed.get(), value));
            });
            return loop(spec, poll, options.interval(), options, lastState, polls, elapsed)
                    .timeout(deadline, Mono.fromSupplier(() -> new WaitOutcome.DeadlineExceeded<>(spec.resource(),
                            lastState.get(), last.get(), deadline, polls.get(), elapsed.get())));
        });
    }

    private <T> Mono<WaitOutcome<T>> loop(WaitSpec spec, Mono<T> poll, Duration pause, WaitOptions options,
                                          AtomicReference<@Nullable String> lastState, AtomicInteger polls,
                                          Supplier<Duration> elapsed) {
        return poll.flatMap(value -> {
            String state = Objects.requireNonNull(lastState.get());
            switch (spec.phase(state)) {
                case SUCCESS:
                    return Mono.<WaitOutcome<T>>just(new WaitOutcome.Succeeded<>(spec.resource(), state, value, polls.get(), elapsed.get()));
                case FAILURE:
                    return Mono.<WaitOutcome<T>>just(new WaitOutcome.Failed<>(spec.resource(), state, value, detail(spec, value),
                            polls.get(), elapsed.get()));
                default:
                    Duration next = grown(pause, options.maxInterval());
                    return Mono.delay(jittered(pause)).then(Mono.defer(() ->
                            loop(spec, poll, next, options, lastState, polls, elapsed)));
            }
        });
    }

    /** Completes when the budget lets one poll go. */
    private Mono<Void> cleared(double share) {
        return Mono.defer(() -> {
            Duration wait = budget.reserve(share);
            return wait.isZero() ? Mono.<Void>empty() : Mono.delay(wait).then(cleared(share));
        });
    }

    private static Duration grown(Duration pause, Duration max) {
        Duration next = Duration.ofNanos((long) (pause.toNanos() * GROWTH));
        return next.compareTo(max) > 0 ? max : next;
    }

    private static Duration jittered(Duration pause) {
        return Duration.ofNanos((long) (pause.toNanos() * ThreadLocalRandom.current().nextDouble(0.9, 1.1)));
    }

    /** The state field as text, read from the model as JSON: every generated model serialises as Heroku's JSON. */
    static String stateOf(WaitSpec spec, Object value) {
        JsonNode state = JSON.valueToTree(value).path(spec.field());
        return state.isValueNode() ? state.asString() : "";
    }

    static Map<String, String> detail(WaitSpec spec, Object value) {
        JsonNode tree = JSON.valueToTree(value);
        Map<String, String> detail = new LinkedHashMap<>();
        for (String field : spec.detail()) {
            JsonNode node = tree.path(field);
            if (node.isMissingNode() || node.isNull() || (node.isContainer() && node.isEmpty())
                    || (node.isString() && node.asString().isEmpty())) {
                continue;
            }
            detail.put(field, node.isString() ? node.asString() : node.toString());
        }
        return detail;
    }
}
