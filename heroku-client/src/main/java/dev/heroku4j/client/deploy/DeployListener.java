package dev.heroku4j.client.deploy;

import dev.heroku4j.client.waiter.WaitProgress;

/**
 * Told what a deploy does, on the thread that learnt it (keep it short). Every method has a default that does
 * nothing: implement what you show.
 */
public interface DeployListener {

    /** A step is done; {@code deployment} is what to keep for a resume. */
    default void onStep(Deployment deployment) {
    }

    /** Bytes of the tarball sent so far, of {@code total}; also after an upload retry, from 0. */
    default void onUpload(long sent, long total) {
    }

    /** One line of the build's or the release phase's output, in order, each once. */
    default void onOutput(String line) {
    }

    /** The output stream could not be read to its end; the deploy goes on to wait for the build. */
    default void onOutputBroken(Throwable error) {
    }

    /** A poll of the build or release. */
    default void onPoll(WaitProgress progress) {
    }

    /** Nothing. */
    static DeployListener none() {
        return new DeployListener() { };
    }
}
