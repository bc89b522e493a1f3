package dev.heroku4j.client.paging;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.heroku4j.client.error.HerokuPagingException;
import dev.heroku4j.client.http.HerokuHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Heroku list paging over any "fetch one page" function, used by {@link PagedFlux}:
 * <pre>{@code
 * Flux<App> apps = Paging.all(range -> fetchOnePage(range), Range.by("name").withMax(1000));
 * }</pre>
 * A response is followed by another page only if it is {@code 206 Partial Content} and carries {@code Next-Range};
 * that value is sent back exactly as received.
 */
public final class Paging {

    /**
     * The most pages one listing may take: 100 million items at Heroku's largest page (1,000), far beyond any
     * account. A server that keeps sending new {@code Next-Range}s past it is stopped with
     * {@link HerokuPagingException} instead of spending the quota.
     */
    public static final int MAX_PAGES = 100_000;

    private Paging() {
    }

    /** One page; {@code range} null sends no {@code Range} header (Heroku's defaults). */
    public static <T> Mono<Page<T>> page(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch,
                                         @Nullable String range) {
        Objects.requireNonNull(fetch, "fetch");
        return Mono.defer(() -> fetch.apply(range)).map(Paging::toPage);
    }

    public static <T> Mono<Page<T>> page(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch, Range range) {
        return page(fetch, range.toHeaderValue());
    }

    /** All items of all pages, lazily; see {@link #all(Function, String)}. */
    public static <T> Flux<T> all(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch, Range range) {
        return all(fetch, range.toHeaderValue());
    }

    /**
     * All items from {@code range} to the end. Lazy and demand-driven: the first page is fetched on the first
     * request, and the next page only when the subscriber asks for more items than have been delivered, so
     * {@code take(n)} or a slow subscriber never causes extra API calls (each costs rate-limit quota). Pages are
     * fetched one at a time. Cancelling cancels a fetch in flight.
     */
    public static <T> Flux<T> all(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch,
                                  @Nullable String range) {
        return all(fetch, range, MAX_PAGES);
    }

    static <T> Flux<T> all(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch, @Nullable String range,
                           int maxPages) {
        Objects.requireNonNull(fetch, "fetch");
        return Flux.create(sink -> new PullingCursor<>(fetch, range, sink, maxPages).start());
    }

    static <T> Page<T> toPage(ResponseEntity<List<T>> response) {
        List<T> items = response.getBody() == null ? List.of() : response.getBody();
        String next = response.getHeaders().getFirst(HerokuHeaders.NEXT_RANGE);
        boolean partial = response.getStatusCode().value() == HttpStatus.PARTIAL_CONTENT.value();
        return new Page<>(items, partial && next != null && !next.isBlank() ? next : null);
    }

    /** Per-subscription state: a buffer of the current page and the range of the next one. */
    private static final class PullingCursor<T> {
        private final Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch;
        private final FluxSink<T> sink;
        private final Queue<T> buffer = new ArrayDeque<>(); // only touched inside drain() or before fetching=false
        private final AtomicInteger wip = new AtomicInteger();
        private volatile @Nullable String nextRange;
        private volatile boolean more = true;
        private volatile boolean fetching;
        private volatile @Nullable Disposable inFlight;
        private final PageTrail trail; // only touched in fetchNext's callback

        PullingCursor(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch, @Nullable String range,
                      FluxSink<T> sink, int maxPages) {
            this.fetch = fetch;
            this.trail = new PageTrail(maxPages);
            this.nextRange = range;
            this.sink = sink;
        }

        void start() {
            sink.onDispose(() -> {
                Disposable d = inFlight;
                if (d != null) {
                    d.dispose();
                }
            });
            sink.onRequest(n -> drain());
        }

        /** Serialized (work-in-progress counter): emit what is buffered, then fetch if more is wanted. */
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                if (!fetching && !sink.isCancelled()) {
                    // re-check cancellation per item: a take(n) downstream cancels from inside next()
                    while (sink.requestedFromDownstream() > 0 && !buffer.isEmpty() && !sink.isCancelled()) {
                        sink.next(buffer.poll());
                    }
                    if (sink.isCancelled()) {
                        buffer.clear();
                    } else if (buffer.isEmpty()) {
                        if (!more) {
                            sink.complete();
                        } else if (sink.requestedFromDownstream() > 0) {
                            fetchNext();
                        }
                    }
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void fetchNext() {
            fetching = true;
            String range = nextRange;
            inFlight = page(fetch, range)
                    .defaultIfEmpty(new Page<>(List.of(), null)) // an empty answer ends the list
                    .subscribe(page -> {
                        try {
                            trail.walked(range, page);
                        } catch (HerokuPagingException ex) {
                            sink.error(ex);
                            return;
                        }
                        buffer.addAll(page.items());
                        nextRange = page.nextRange();
                        more = page.hasNext();
                        fetching = false; // publishes buffer, nextRange and more to the next drain()
                        drain();
                    }, sink::error);
        }
    }
}
