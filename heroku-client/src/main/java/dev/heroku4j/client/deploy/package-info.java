/**
 * Deploying from Java: a local directory, jar or tarball to a running release, step by step and resumable; and a
 * pipeline promotion waited for on every target.
 */
@NullMarked
package dev.heroku4j.client.deploy;

import org.jspecify.annotations.NullMarked;
