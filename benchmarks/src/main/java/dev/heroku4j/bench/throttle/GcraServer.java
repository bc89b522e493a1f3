package dev.heroku4j.bench.throttle;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.heroku4j.bench.server.Fixtures;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The published method's rate-limited fake server, re-made for heroku4j: one bucket per API key (account), capacity
 * 4,500, one token every 0.8 s (Heroku's 4,500 an hour), as GCRA (a theoretical arrival time per account).
 * {@code GET /apps/{name}} takes a token and answers an app (Heroku's headers, {@code RateLimit-Remaining}) or 429 with
 * {@code Retry-After} (the whole seconds until the next token, at least 1) and Heroku's {@code rate_limit} body;
 * {@code GET /account/rate-limits} answers the remaining quota and takes nothing, as Heroku's does.
 *
 * <p>The key's prefix picks how the account's bucket starts: {@code empty-} (GCRA, empty: the published steady-state
 * run), {@code full-} (GCRA, full) or {@code clear-} (full, never refilled: the published "time to clear workload"
 * server, which only decreases). {@code GET /_gcra/stats} lists each account's requests and 429s.
 */
public final class GcraServer implements AutoCloseable {

    static final int CAPACITY = 4_500;
    static final long INTERVAL_NANOS = 800_000_000L;
    private static final long TOLERANCE_NANOS = CAPACITY * INTERVAL_NANOS;

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final DisposableServer server;

    public GcraServer() {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(r -> r
                        .get("/account/rate-limits", (req, res) -> {
                            int remaining = account(req.requestHeaders().get("Authorization")).remaining();
                            return res.header("RateLimit-Remaining", String.valueOf(remaining))
                                    .header("Content-Type", "application/json")
                                    .sendString(Mono.just("{\"remaining\":" + remaining + "}"));
                        })
                        .get("/apps/{name}", (req, res) -> {
                            Account a = account(req.requestHeaders().get("Authorization"));
                            long wait = a.take();
                            if (wait > 0) {
                                long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                                return res.status(HttpResponseStatus.TOO_MANY_REQUESTS)
                                        .header("RateLimit-Remaining", "0")
                                        .header("Retry-After", String.valueOf(seconds))
                                        .header("Content-Type", "application/json")
                                        .sendString(Mono.just("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}"));
                            }
                            return res.header("RateLimit-Remaining", String.valueOf(a.remaining()))
                                    .header("Content-Type", "application/json")
                                    .sendByteArray(Mono.just(APP));
                        })
                        .get("/_gcra/stats", (req, res) -> {
                            StringBuilder s = new StringBuilder();
                            accounts.forEach((k, a) -> s.append(k).append(' ').append(a.requests.get()).append(' ')
                                    .append(a.limited.get()).append(' ').append(a.remaining()).append('\n'));
                            return res.sendString(Mono.just(s.toString()));
                        }))
                .bindNow();
    }

    private static final byte[] APP = Fixtures.app(1).getBytes(StandardCharsets.UTF_8);

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Requests and 429s an account has seen so far. */
    public long[] stats(String key) {
        Account a = accounts.get(key);
        return a == null ? new long[] {0, 0} : new long[] {a.requests.get(), a.limited.get()};
    }

    private Account account(String authorization) {
        String key = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer ", "");
        return accounts.computeIfAbsent(key, Account::new);
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** One account's bucket. */
    static final class Account {
        final boolean refills;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong limited = new AtomicLong();
        private long tat;       // GCRA: the theoretical arrival time of the next request, System.nanoTime based
        private long left;      // decrease-only: tokens left

        Account(String key) {
            long now = System.nanoTime();
            this.refills = !key.startsWith("clear-");
            this.tat = key.startsWith("empty-") ? now + TOLERANCE_NANOS : now;
            this.left = CAPACITY;
        }

        /** Takes a token: 0, or how long until one is there (the request is refused). */
        synchronized long take() {
            requests.incrementAndGet();
            if (!refills) {
                if (left > 0) {
                    left--;
                    return 0;
                }
                limited.incrementAndGet();
                return Long.MAX_VALUE / 4;
            }
            long now = System.nanoTime();
            long base = Math.max(tat, now);
            long next = base + INTERVAL_NANOS;
            long allowAt = next - TOLERANCE_NANOS;
            if (now < allowAt) {
                limited.incrementAndGet();
                return allowAt - now;
            }
            tat = next;
            return 0;
        }

        synchronized int remaining() {
            if (!refills) {
                return (int) left;
            }
            long now = System.nanoTime();
            long used = Math.max(tat, now) - now;
            return (int) Math.max(0, (TOLERANCE_NANOS - used) / INTERVAL_NANOS);
        }
    }
}
