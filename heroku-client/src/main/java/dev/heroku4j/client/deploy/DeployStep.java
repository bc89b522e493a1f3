package dev.heroku4j.client.deploy;

/** The steps of a deploy, in order; each is reported when done, and a deploy resumes after the last one done. */
public enum DeployStep {
    /** Nothing done yet. */
    STARTED,
    /** A source made ({@code POST /sources}) and the tarball uploaded to it. */
    UPLOADED,
    /** A build created from the source. */
    BUILD_CREATED,
    /** The build's output read to its end (or given up on: see {@link DeployListener#onOutputBroken}). */
    BUILD_OUTPUT_READ,
    /** The build succeeded; it names its release. */
    BUILD_SUCCEEDED,
    /** The release succeeded, release phase included. */
    RELEASED
}
