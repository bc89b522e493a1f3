package dev.heroku4j.client.paging;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.internal.Blocking;

/**
 * Every item of a Heroku list, blocking: iterating (or streaming) requests the first page, and the next one only
 * when iteration goes past the items it has, following {@code Next-Range}; {@code stream().limit(5)} sends one
 * request. Each iteration lists again from the start. {@link #page()} is one request for one page.
 *
 * <pre>{@code
 * List<App> all = heroku.app().appList().toList();
 * try (Stream<App> apps = heroku.app().appList(Range.by("name")).stream()) { ... }   // closing stops paging
 * Optional<Release> latest = heroku.release().releaseList("my-app", Range.latest("version", 1)).first();
 * }</pre>
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final PagedFlux<T> items;
    private final Blocking blocking;

    /** For the engine. */
    public PagedIterable(PagedFlux<T> items, Blocking blocking) {
        this.items = Objects.requireNonNull(items, "items");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /**
     * Pages as iteration needs them, each fetch bounded by the call timeout. Nothing runs between pages, so an
     * iterator left half-way sends nothing more.
     */
    @Override
    public Iterator<T> iterator() {
        Blocking.checkThread();
        return new PageIterator();
    }

    /** A lazy stream over {@link #iterator()}; stopping early (or closing it) requests nothing more. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Every item, all pages fetched now. */
    public List<T> toList() {
        List<T> all = blocking.get(items.collectList());
        return all == null ? List.of() : all;
    }

    /** The first item, with one request. */
    public Optional<T> first() {
        return Optional.ofNullable(blocking.get(items.next()));
    }

    /** One request: the first page and the {@code Next-Range} that continues it. */
    public Page<T> page() {
        Page<T> page = blocking.get(items.page());
        return page == null ? new Page<>(List.of(), null) : page;
    }

    /** The page after {@code page}, or null when it was the last. */
    public @Nullable Page<T> pageAfter(Page<T> page) {
        return blocking.get(items.pageAfter(page));
    }

    /** Walks the pages one blocking fetch at a time, refusing a {@code Next-Range} that leads back ({@link PageTrail}). */
    private final class PageIterator implements Iterator<T> {
        private final PageTrail trail = new PageTrail(Paging.MAX_PAGES);
        private @Nullable Page<T> page;
        private int next;

        @Override
        public boolean hasNext() {
            while (page == null || next >= page.items().size()) {
                if (page == null) {
                    page = page();
                    trail.walked(null, page);
                } else if (!page.hasNext()) {
                    return false;
                } else {
                    String range = page.nextRange();
                    Page<T> after = pageAfter(page);
                    page = after != null ? after : new Page<>(List.of(), null);
                    trail.walked(range, page);
                }
                next = 0;
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.items().get(next++);
        }
    }

    /** The reactive view of the same listing. */
    public PagedFlux<T> flux() {
        return items;
    }
}
