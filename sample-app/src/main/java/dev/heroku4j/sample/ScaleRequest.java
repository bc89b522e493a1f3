package dev.heroku4j.sample;

import org.jspecify.annotations.Nullable;

/** Body of {@code POST /apps/{name}/scale}: {@code {"type": "web", "quantity": 2}}. */
public record ScaleRequest(@Nullable String type, @Nullable Integer quantity) {
}
