/**
 * Exceptions for Heroku error responses and transport failures, and the filter that raises them.
 */
@NullMarked
package dev.heroku4j.client.error;

import org.jspecify.annotations.NullMarked;
