package dev.heroku4j.client.paging;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One page of a Heroku list.
 *
 * @param items     the page's items
 * @param nextRange the {@code Next-Range} to send for the following page, exactly as received; null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextRange) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public boolean hasNext() {
        return nextRange != null;
    }
}
