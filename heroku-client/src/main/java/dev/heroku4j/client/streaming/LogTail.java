package dev.heroku4j.client.streaming;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.error.HerokuApiException;

/**
 * A log tail that outlives its log sessions: Heroku ends a session's stream after a while (or refuses its expired
 * URL with 4xx); the tail then creates a new session and goes on, until it is cancelled. A new session asks for
 * the last {@link #HISTORY} lines, so lines logged between two sessions are not lost, and lines already given (the
 * last {@link #SEEN} remembered) are dropped, so none is repeated: logplex lines carry a timestamp to the
 * microsecond, so two equal lines are the same line. Fails after {@link StreamOptions#maxReconnects()} sessions in
 * a row that broke without giving a line.
 */
public final class LogTail {

    /** History lines a re-created session asks for. */
    public static final int HISTORY = 100;
    /** Lines remembered to drop repeats. */
    static final int SEEN = 1000;

    private LogTail() {
    }

    /**
     * @param session makes a session and gives its URL; its argument is the history lines to ask for ({@code -1}: the
     *                caller's own choice, for the first session)
     * @param lines   reads one session URL (resuming after breaks)
     */
    public static Flux<String> follow(IntFunction<Mono<String>> session, Function<String, Flux<String>> lines,
                                      StreamOptions options) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lines, "lines");
        return Flux.defer(() -> {
            Recent recent = new Recent();
            AtomicInteger sessions = new AtomicInteger();
            AtomicInteger brokenInRow = new AtomicInteger();
            return Flux.defer(() -> {
                boolean first = sessions.getAndIncrement() == 0;
                long before = recent.given;
                // a failure to make the session (the app is gone) ends the tail; an expired session URL does not
                return session.apply(first ? -1 : HISTORY)
                        .flatMapMany(url -> lines.apply(url)
                                .filter(line -> recent.add(line) || first)
                                .onErrorResume(LogTail::expired, e -> {
                                    int broken = recent.given > before ? 0 : brokenInRow.incrementAndGet();
                                    return broken > options.maxReconnects() ? Flux.error(e) : Flux.empty();
                                }))
                        .doOnComplete(() -> {
                            if (recent.given > before) {
                                brokenInRow.set(0);
                            }
                        });
            }).repeatWhen(ends -> ends.concatMap(end -> Mono.delay(options.pause(Math.max(1, brokenInRow.get())))));
        });
    }

    /** An expired or revoked session URL: 403, 404, 410. */
    private static boolean expired(Throwable error) {
        return error instanceof HerokuApiException api && (api.status() == 403 || api.status() == 404 || api.status() == 410);
    }

    /** The lines given last, to drop them when a new session replays them. */
    private static final class Recent {
        private final Deque<String> order = new ArrayDeque<>();
        private final Set<String> lines = new HashSet<>();
        long given;

        /** True when the line is new. */
        synchronized boolean add(String line) {
            if (!lines.add(line)) {
                return false;
            }
            order.addLast(line);
            if (order.size() > SEEN) {
                lines.remove(order.removeFirst());
            }
            given++;
            return true;
        }
    }
}
