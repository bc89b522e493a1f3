package dev.heroku4j.reliability.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream host that breaks its streams, on a {@link RawServer}: serves {@code lines} as {@code text/plain} (resuming
 * at a {@code Range: bytes=N-} with 206, or ignoring it with 200) or as {@code text/event-stream} (one event per
 * line, ids 1.., resuming after {@code Last-Event-Id}, or replaying from the start), and for the first
 * {@code cuts} connections resets the connection after {@code cutAfter} bytes of body: mid-line, so the client
 * has to drop a half line and read it again.
 */
public final class CutStream implements RawServer.Handler {

    public enum Mode { PLAIN, PLAIN_IGNORING_RANGE, EVENTS, EVENTS_REPLAYING }

    private final List<String> lines;
    private final Mode mode;
    private final int cuts;
    private final int cutAfter;
    private final AtomicInteger served = new AtomicInteger();

    public CutStream(List<String> lines, Mode mode, int cuts, int cutAfter) {
        this.lines = List.copyOf(lines);
        this.mode = mode;
        this.cuts = cuts;
        this.cutAfter = cutAfter;
    }

    /** {@code count} numbered lines of some length, so a cut falls inside one. */
    public static List<String> numbered(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(String.format(Locale.ROOT, "-----> line %04d of the build output, ünïcödé", i));
        }
        return out;
    }

    @Override
    public void handle(String head, OutputStream out, Socket socket) throws IOException {
        int connection = served.incrementAndGet();
        boolean events = mode == Mode.EVENTS || mode == Mode.EVENTS_REPLAYING;
        byte[] body = events ? events(mode == Mode.EVENTS ? lastEventId(head) : 0) : plain();
        int start = 0;
        String status = "200 OK";
        String extra = "";
        long from = rangeStart(head);
        if (mode == Mode.PLAIN && from > 0) {
            start = (int) Math.min(from, body.length);
            status = "206 Partial Content";
            extra = "Content-Range: bytes " + start + "-" + (body.length - 1) + "/" + body.length + "\r\n";
        }
        String type = events ? "text/event-stream" : "text/plain; charset=utf-8";
        RawServer.write(out, "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\n" + extra
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        int end = connection <= cuts ? Math.min(body.length, start + cutAfter) : body.length;
        for (int at = start; at < end; at += 100) {
            int n = Math.min(100, end - at);
            RawServer.write(out, Integer.toHexString(n) + "\r\n");
            out.write(body, at, n);
            RawServer.write(out, "\r\n");
        }
        if (connection <= cuts) {
            socket.setSoLinger(true, 0); // a reset, not a clean close: the body is broken off
            return;
        }
        RawServer.write(out, "0\r\n\r\n");
    }

    private byte[] plain() {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] events(int after) {
        StringBuilder out = new StringBuilder(": keep-alive comment\n\n");
        for (int i = after; i < lines.size(); i++) {
            out.append("id: ").append(i + 1).append("\nevent: output\ndata: ").append(lines.get(i)).append("\n\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int lastEventId(String head) {
        String value = header(head, "last-event-id");
        return value == null ? 0 : Integer.parseInt(value.trim());
    }

    private static long rangeStart(String head) {
        String value = header(head, "range");
        if (value == null || !value.startsWith("bytes=")) {
            return 0;
        }
        return Long.parseLong(value.substring(6, value.indexOf('-')));
    }

    public static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** Connections served. */
    public int served() {
        return served.get();
    }
}
