package dev.heroku4j.bench.server;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The loopback Heroku: fixed answers, computed once at start, each written as ONE buffer (headers + body, a gathering
 * write for list pages) on a TCP_NODELAY socket, so a keep-alive client never waits for a delayed ACK.
 * Runs in its own JVM; prints {@code LISTENING <port>} when ready.
 *
 * <ul>
 *   <li>{@code GET /apps/{any}}: one app (about 1 KB), 200;</li>
 *   <li>{@code GET /apps}: pages of 1,000 apps (about 1 MB), 206 with {@code Next-Range} until the last of
 *       {@code --pages} pages, which is a 200; the page is chosen by the {@code Range} header;</li>
 *   <li>{@code GET /_bench/pagelog}: "page epochMicros" per list request since the last call (then cleared);</li>
 *   <li>{@code GET /_bench/stats}: "requests cpuNanos" of this JVM.</li>
 * </ul>
 * A request with {@code Connection: close} (node-heroku-client) gets the same answer, then the socket is closed.
 */
public final class LoopbackServer {

    private static final String DATE = "Date: Thu, 27 Nov 2026 12:00:00 GMT\r\n";
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final ConcurrentLinkedQueue<String> PAGE_LOG = new ConcurrentLinkedQueue<>();

    private static ByteBuf appResponse;
    private static ByteBuf listBody;
    private static ByteBuf[] pageHeaders;

    public static void main(String[] args) throws Exception {
        int port = 0;
        int pages = 100;
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        prepare(pages);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpRequestDecoder(), new Handler());
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        int bound = ((java.net.InetSocketAddress) server.localAddress()).getPort();
        System.out.println("LISTENING " + bound);
        System.out.flush();
        server.closeFuture().sync();
    }

    static void prepare(int pages) {
        byte[] app = Fixtures.utf8(Fixtures.app(0));
        appResponse = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(concat(
                headers("200 OK", app.length, null, "0f9c1a7e-1b2c-4d3e-8f40-5a6b7c8d9e0f"), app)));
        byte[] list = Fixtures.utf8(Fixtures.appList(1000));
        listBody = Unpooled.unreleasableBuffer(Unpooled.directBuffer(list.length).writeBytes(list));
        pageHeaders = new ByteBuf[pages];
        for (int p = 0; p < pages; p++) {
            boolean last = p == pages - 1;
            byte[] h = headers(last ? "200 OK" : "206 Partial Content", list.length,
                    last ? null : Fixtures.nextRange(p), "1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d");
            pageHeaders[p] = Unpooled.unreleasableBuffer(Unpooled.directBuffer(h.length).writeBytes(h));
        }
    }

    private static byte[] headers(String status, int contentLength, String nextRange, String requestId) {
        StringBuilder sb = new StringBuilder(512)
                .append("HTTP/1.1 ").append(status).append("\r\n")
                .append("Cache-Control: private, no-cache\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(contentLength).append("\r\n")
                .append(DATE)
                .append("ETag: \"4b1c5e0e6d2f3a7b8c9d0e1f2a3b4c5d\"\r\n")
                .append("Last-Modified: Wed, 26 Jun 2024 08:15:31 GMT\r\n")
                .append("RateLimit-Multiplier: 1\r\n")
                .append("RateLimit-Remaining: 4499\r\n")
                .append("Request-Id: ").append(requestId).append("\r\n")
                .append("Vary: Authorization,Accept-Encoding\r\n")
                .append("Via: 1.1 spaces-router (loopback)\r\n");
        if (nextRange != null) {
            sb.append("Accept-Ranges: id, name, updated_at\r\n")
                    .append("Content-Range: id 01234567-89ab-4cde-8f01-000000000001..01234567-89ab-4cde-8f01-000000001000; max=1000\r\n")
                    .append("Next-Range: ").append(nextRange).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static ByteBuf text(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] h = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return Unpooled.wrappedBuffer(concat(h, b));
    }

    static final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        private String uri;
        private String range;
        private boolean close;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest req) {
                uri = req.uri();
                range = req.headers().get(HttpHeaderNames.RANGE);
                close = !HttpUtil.isKeepAlive(req)
                        || req.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
            }
            if (msg instanceof LastHttpContent) {
                ByteBuf out = respond();
                if (close) {
                    ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.writeAndFlush(out, ctx.voidPromise());
                }
            }
        }

        private ByteBuf respond() {
            if (uri.startsWith("/_bench/")) {
                if (uri.startsWith("/_bench/pagelog")) {
                    StringBuilder sb = new StringBuilder();
                    String line;
                    while ((line = PAGE_LOG.poll()) != null) {
                        sb.append(line).append('\n');
                    }
                    return text(sb.toString());
                }
                long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                return text(REQUESTS.get() + " " + cpu + "\n");
            }
            REQUESTS.incrementAndGet();
            if (uri.equals("/apps") || uri.startsWith("/apps?")) {
                int page = Math.min(Fixtures.pageOf(range), pageHeaders.length - 1);
                Instant now = Instant.now();
                PAGE_LOG.add(page + " " + ChronoUnit.MICROS.between(Instant.EPOCH, now));
                return Unpooled.wrappedBuffer(pageHeaders[page].duplicate(), listBody.duplicate());
            }
            return appResponse.duplicate();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
