package dev.heroku4j.client.paging;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.error.HerokuPagingException;

/**
 * The pages one listing has walked, for both paging styles ({@link Paging}'s cursor and {@link PagedIterable}'s
 * iterator): a {@code Next-Range} that leads back to a page already fetched, or a listing that never ends, is
 * stopped with {@link HerokuPagingException} instead of spending the quota. Not thread-safe: one walk, one thread
 * at a time.
 */
final class PageTrail {

    private final Set<String> seen = new HashSet<>();
    private final int maxPages;
    private int pages;

    PageTrail(int maxPages) {
        this.maxPages = maxPages;
    }

    /** Records that the page at {@code fetchedRange} (null: the first, without Range) came back as {@code page}. */
    void walked(@Nullable String fetchedRange, Page<?> page) {
        if (fetchedRange != null) {
            seen.add(fetchedRange);
        }
        String next = page.nextRange();
        if (next == null) {
            return;
        }
        if (seen.contains(next)) {
            throw new HerokuPagingException("Heroku's Next-Range '" + next
                    + "' points back to a page already fetched; stopping to avoid an endless loop");
        }
        if (++pages >= maxPages) {
            throw new HerokuPagingException("Heroku's listing still had a Next-Range after " + pages
                    + " pages, the most one listing may take; stopping");
        }
    }
}
