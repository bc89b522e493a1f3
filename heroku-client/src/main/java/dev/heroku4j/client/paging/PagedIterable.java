package dev.heroku4j.client.paging;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** Pages as iteration needs them. An iterator left half-way sends nothing more. */
    @Override
    public Iterator<T> iterator() {
        Blocking.checkThread();
        return items.toIterable(1).iterator();
    }

    /** A lazy stream; close it (try-with-resources) when you stop early, so nothing more is requested. */
    public Stream<T> stream() {
        Blocking.checkThread();
        return items.toStream(1);
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

    /** The reactive view of the same listing. */
    public PagedFlux<T> flux() {
        return items;
    }
}
