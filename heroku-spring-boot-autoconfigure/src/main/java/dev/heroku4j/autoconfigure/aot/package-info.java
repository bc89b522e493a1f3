/**
 * Runtime hints for ahead-of-time processing: the generated models and the client's resources.
 */
@NullMarked
package dev.heroku4j.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
