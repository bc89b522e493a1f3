package dev.heroku4j.client.waiter;

import dev.heroku4j.client.error.HerokuException;

/** {@link WaitOutcome#orThrow()} of a wait that did not succeed; the outcome says how it ended. */
public class WaitFailedException extends HerokuException {

    private final transient WaitOutcome<?> outcome;

    public WaitFailedException(WaitOutcome<?> outcome) {
        super(message(outcome), null);
        this.outcome = outcome;
    }

    public WaitOutcome<?> outcome() {
        return outcome;
    }

    private static String message(WaitOutcome<?> outcome) {
        if (outcome instanceof WaitOutcome.Failed<?> f) {
            return "The " + f.resourceType() + " ended " + f.state() + (f.detail().isEmpty() ? "" : ": " + f.detail());
        }
        if (outcome instanceof WaitOutcome.DeadlineExceeded<?> d) {
            return "The " + d.resourceType() + " was still " + (d.state() == null ? "unread" : d.state())
                    + " when the deadline of " + d.deadline() + " passed (" + d.polls() + " polls)";
        }
        return "The " + outcome.resourceType() + " succeeded";
    }
}
