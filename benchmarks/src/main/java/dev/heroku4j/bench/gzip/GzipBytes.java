package dev.heroku4j.bench.gzip;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import dev.heroku4j.bench.server.Fixtures;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.paging.Range;

/**
 * Bytes on the wire for one page of 1,000 apps ({@link Fixtures#appList}), fetched by heroku4j with its own
 * connector (asks for gzip) and with a plain Reactor Netty connector (does not), from a loopback Reactor Netty server
 * that compresses when asked (as api.heroku.com does). Counts what the server writes to the socket, headers included.
 *
 * <pre>java -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.heroku4j.bench.gzip.GzipBytes</pre>
 */
public final class GzipBytes {

    private GzipBytes() {
    }

    public static void main(String[] args) {
        String page = Fixtures.appList(1000);
        AtomicLong written = new AtomicLong();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).compress(true)
                .doOnChannelInit((observer, channel, address) -> channel.pipeline().addFirst("count",
                        new ChannelOutboundHandlerAdapter() { // next to the socket: the bytes as written
                    @Override
                    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                        if (msg instanceof ByteBuf b) {
                            written.addAndGet(b.readableBytes());
                        } else if (msg instanceof ByteBufHolder h) {
                            written.addAndGet(h.content().readableBytes());
                        }
                        ctx.write(msg, promise);
                    }
                }))
                .route(r -> r.get("/apps", (req, res) -> res.header("Content-Type", "application/json")
                        .sendString(Mono.just(page))))
                .bindNow();
        try {
            String url = "http://127.0.0.1:" + server.port();
            long gzip = measure(written, HerokuClient.builder().apiKey("bench").baseUrl(url).build());
            long plain = measure(written, HerokuClient.builder().apiKey("bench").baseUrl(url)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create())).build());
            System.out.printf(Locale.ROOT, "page of 1,000 apps: %,d bytes of JSON%n", page.length());
            System.out.printf(Locale.ROOT, "on the wire without gzip: %,d bytes%n", plain);
            System.out.printf(Locale.ROOT, "on the wire with gzip:    %,d bytes (%.1f%% of it, %,d bytes saved)%n",
                    gzip, 100.0 * gzip / plain, plain - gzip);
        } finally {
            server.disposeNow();
        }
    }

    private static long measure(AtomicLong written, HerokuClient heroku) {
        heroku.app().appList(Range.by("name").withMax(1000)).page(); // warm: connection made
        written.set(0);
        List<App> apps = heroku.app().appList(Range.by("name").withMax(1000)).page().items();
        if (apps.size() != 1000) {
            throw new IllegalStateException("expected 1,000 apps, got " + apps.size());
        }
        return written.get();
    }
}
