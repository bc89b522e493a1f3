package dev.heroku4j.client.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP/1.1 server on 127.0.0.1 for what WireMock cannot do: answer with raw bytes (any header size, a gzip
 * body), drop a request on a kept-alive connection, close a connection as it opens. One thread per connection.
 */
public final class RawHttpServer implements AutoCloseable {

    /** A request as received, and how long its connection had been idle before it (0 for a fresh connection). */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, long idleMillis) {
        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The response bytes for a request, or null to close the connection without answering. */
    public interface Handler {
        byte @Nullable [] answer(Request request) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public RawHttpServer(Handler handler) {
        this.handler = handler;
        try {
            socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A response with these headers and body, {@code Content-Length} added. */
    public static byte[] response(int status, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    public static byte[] json(int status, String body, Map<String, String> headers) {
        Map<String, String> all = new TreeMap<>(headers);
        all.put("Content-Type", "application/json");
        return response(status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    public List<Request> received() {
        return received;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "raw-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            long lastAnswered = 0;
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                Map<String, String> headers = new TreeMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                long idle = lastAnswered == 0 ? 0 : System.currentTimeMillis() - lastAnswered;
                Request request = new Request(requestLine[0], requestLine[1], headers, body, idle);
                received.add(request);
                byte[] answer = handler.answer(request);
                if (answer == null) {
                    return;
                }
                out.write(answer);
                out.flush();
                lastAnswered = System.currentTimeMillis();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static @Nullable String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
