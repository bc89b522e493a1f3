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
 * line not yet complete are dropped at a break and read again. The position moves only when a line is handed on
 * (Reactor drops lines parsed but not yet handed on when the connection fails), so a line lost in that way is read
 * again too. One connection at a time uses it.
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

    /**
     * A line and what handing it on moves: the bytes it took ({@code text/plain}), the id of the event it ends
     * ({@code text/event-stream}). No line: only the position moves (an event with an id and no data).
     */
    record Piece(@Nullable String line, long bytes, @Nullable String eventId) {
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
                .concatWith(Flux.defer(() -> Flux.fromIterable(finish())))
                .doOnNext(this::handedOn)
                .mapNotNull(Piece::line);
    }

    private void handedOn(Piece piece) {
        offset += piece.bytes();
        if (piece.eventId() != null) {
            frames.handedOn(piece.eventId());
        }
        if (piece.line() != null) {
            delivered++;
        }
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

    private List<Piece> consume(DataBuffer buffer) {
        List<Piece> lines = new ArrayList<>();
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
                    partial.reset();
                    give(line, size, lines);
                } else if (partial.size() > ResumableLines.MAX_LINE_LENGTH) {
                    throw new LineTooLongException();
                }
            }
        } finally {
            DataBufferUtils.release(buffer);
        }
        return lines;
    }

    private List<Piece> finish() {
        List<Piece> lines = new ArrayList<>();
        if (partial.size() > 0) {
            int size = partial.size();
            String line = text(partial.toByteArray(), size);
            partial.reset();
            give(line, size, lines);
        }
        if (eventStream) {
            give("", 0, lines); // a last event without its blank line
        }
        return lines;
    }

    private void give(String line, long bytes, List<Piece> out) {
        if (eventStream) {
            frames.line(line, out);
        } else {
            out.add(new Piece(line, bytes, null));
        }
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

        /** The event with this id was handed on. */
        void handedOn(String eventId) {
            lastEventId = eventId;
            try {
                lastNumericId = Math.max(lastNumericId, Long.parseLong(eventId));
            } catch (NumberFormatException e) {
                // not a number: nothing to compare replays with
            }
        }

        void line(String line, List<Piece> out) {
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

        private void dispatch(List<Piece> out) {
            if (id == null || !isReplay(id)) {
                for (int i = 0; i < data.size(); i++) {
                    out.add(new Piece(data.get(i), 0, i == data.size() - 1 ? id : null));
                }
                if (data.isEmpty() && id != null) {
                    out.add(new Piece(null, 0, id));
                }
            }
            reset();
        }

        /** A numeric id not above the last one handed on: the server replays events already given. */
        private boolean isReplay(String candidate) {
            try {
                return Long.parseLong(candidate) <= lastNumericId;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
