/**
 * Internal: the engine behind both clients, used by the generated API classes. Public only because generated code
 * in another package calls it; applications must not use these types, which change without notice.
 */
@NullMarked
package dev.heroku4j.client.internal;

import org.jspecify.annotations.NullMarked;
