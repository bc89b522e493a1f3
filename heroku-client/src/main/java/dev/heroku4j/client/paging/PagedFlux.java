package dev.heroku4j.client.paging;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every item of a Heroku list, as a {@link Flux}: the first page is requested on subscription, the next one only
 * when the subscriber wants more than it has, following {@code Next-Range}; {@code take(5)} sends one request.
 * Each subscription lists again from the start. {@link #page()} is one request for one page.
 */
public final class PagedFlux<T> extends Flux<T> {

    private final Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch;
    private final @Nullable String range;

    /** For the engine: {@code fetch} asks for the page a {@code Range} value names (null: the first). */
    public PagedFlux(Function<@Nullable String, Mono<ResponseEntity<List<T>>>> fetch, @Nullable String range) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.range = range;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        Paging.all(fetch, range).subscribe(actual);
    }

    /** One request: the first page of this listing and the {@code Next-Range} that continues it. */
    public Mono<Page<T>> page() {
        return Paging.page(fetch, range);
    }

    /** The page after {@code page}; empty when it was the last. Continue with {@link Page#nextRange()} as given. */
    public Mono<Page<T>> pageAfter(Page<T> page) {
        return page.nextRange() == null ? Mono.empty() : Paging.page(fetch, page.nextRange());
    }
}
