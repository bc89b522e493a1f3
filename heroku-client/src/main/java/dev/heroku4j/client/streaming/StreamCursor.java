package dev.heroku4j.client.streaming;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;

/**
 * Where one subscriber of a {@link ResumableLines} stream is: the bytes of complete lines given ({@code text/plain})
 * or the last event id ({@code text/event-stream}), and the lines given in all. Splits bytes into lines itself (on
 * {@code \n}, a trailing {@code \r} removed), so that a byte offset is known for every complete line; bytes of a
 * line not yet complete are dropped at a break and read again. One connection at a time uses it.
 */
final class StreamCursor {

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final SseFrames frames = new SseFrames();
    private long offset;
    private long delivered;
    private int responses;
    private long skip;
    private boolean eventStream;

    long delivered() {
        return delivered;
    }

    /** Responses read: none means the stream never began. */
    int responses() {
        return responses;
    }

    void resumeHeaders(HttpHeaders headers) {
        if (offset > 0) {
            headers.set(HttpHeaders.RANGE, "bytes=" + offset + "-");
        }
        if (frames.lastEventId() != null) {
            headers.set("Last-Event-Id", frames.lastEventId());
        }
    }

    /** Reads one (2xx) response; at a normal end a last line without newline is given too. */
    Flux<String> read(ClientResponse response) {
        responses++;
        partial.reset();
        frames.reset();
        eventStream = response.headers().contentType().map(MediaType.TEXT_EVENT_STREAM::isCompatibleWith).orElse(false);
        skip = eventStream ? 0 : offset - resumedAt(response);
        return response.bodyToFlux(DataBuffer.class)
                .concatMapIterable(this::consume)
                .concatWith(Flux.defer(() -> Flux.fromIterable(finish())));
    }

    /** Where this response's body starts in the stream: 0 for a 200, the Content-Range start of a 206. */
    private long resumedAt(ClientResponse response) {
        if (response.statusCode().value() != 206) {
            return 0;
        }
        String range = response.headers().asHttpHeaders().getFirst("Content-Range"); // bytes 120-499/500 or bytes 120-*/*
        if (range != null && range.startsWith("bytes ")) {
            try {
                return Math.min(offset, Long.parseLong(range.substring(6, range.indexOf('-'))));
            } catch (RuntimeException e) {
                // unreadable: trust that the server started where it was asked to
            }
        }
        return offset;
    }

    private List<String> consume(DataBuffer buffer) {
        List<String> lines = new ArrayList<>();
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            for (byte b : bytes) {
                if (skip > 0) {
                    skip--;
                    continue;
                }
                partial.write(b);
                if (b == '\n') {
                    int size = partial.size();
                    String line = text(partial.toByteArray(), size - 1);
                    offset += size;
                    partial.reset();
                    give(line, lines);
                } else if (partial.size() > ResumableLines.MAX_LINE_LENGTH) {
                    throw new LineTooLongException();
                }
            }
        } finally {
            DataBufferUtils.release(buffer);
        }
        return lines;
    }

    private List<String> finish() {
        List<String> lines = new ArrayList<>();
        if (partial.size() > 0) {
            String line = text(partial.toByteArray(), partial.size());
            offset += partial.size();
            partial.reset();
            give(line, lines);
        }
        if (eventStream) {
            give("", lines); // a last event without its blank line
        }
        return lines;
    }

    private void give(String line, List<String> out) {
        int before = out.size();
        if (eventStream) {
            frames.line(line, out);
        } else {
            out.add(line);
        }
        delivered += out.size() - before;
    }

    private static String text(byte[] bytes, int length) {
        int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    static final class LineTooLongException extends IllegalStateException {
        LineTooLongException() {
            super("A stream line is longer than " + ResumableLines.MAX_LINE_LENGTH + " bytes");
        }
    }

    /** Server-sent event framing (WHATWG HTML, "Interpreting an event stream"), its data lines given as lines. */
    static final class SseFrames {
        private final List<String> data = new ArrayList<>();
        private @Nullable String id;
        private @Nullable String lastEventId;
        private long lastNumericId = Long.MIN_VALUE;

        @Nullable String lastEventId() {
            return lastEventId;
        }

        void reset() {
            data.clear();
            id = null;
        }

        void line(String line, List<String> out) {
            if (line.isEmpty()) {
                dispatch(out);
                return;
            }
            if (line.startsWith(":")) {
                return; // a comment: keep-alive
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> data.add(value);
                case "id" -> id = value.indexOf('\0') >= 0 ? id : value;
                default -> { } // event, retry: nothing to do for lines
            }
        }

        private void dispatch(List<String> out) {
            boolean replayed = false;
            if (id != null) {
                replayed = isReplay(id);
                if (!replayed) {
                    lastEventId = id;
                }
            }
            if (!replayed) {
                out.addAll(data);
            }
            reset();
        }

        /** A numeric id not above the last one seen: the server replays events already given. */
        private boolean isReplay(String candidate) {
            try {
                long number = Long.parseLong(candidate);
                boolean replay = number <= lastNumericId;
                lastNumericId = Math.max(lastNumericId, number);
                return replay;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
