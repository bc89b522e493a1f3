package dev.heroku4j.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends log lines to a browser as Server-Sent Events, the Spring MVC way: an {@link SseEmitter} fed by a thread of
 * its own that reads the blocking {@code Stream} of {@code HerokuClient.lines(url)}, so the servlet thread is free
 * as soon as the tail starts. {@code event: log} per line, then {@code event: end} when Heroku closes the stream
 * (a browser's {@code EventSource} then stops instead of reconnecting), or {@code event: error} and one WARN line
 * when the stream from Heroku fails.
 *
 * <p>Each open tail holds one thread, at most {@code sample.log-tails.max} at once (one more is refused: 503). When the
 * browser goes away (noticed at the next line sent) or the tail reaches {@code sample.log-tails.timeout}, the reading
 * thread is interrupted: closing the stream from another thread would cancel Heroku's connection but leave the
 * reader waiting for a line that never comes.
 */
@Component
class LogTails implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LogTails.class);

    /** The data of {@code event: error}; what went wrong is in the log (one WARN line), not sent to the browser. */
    static final String BROKE_OFF = "The log stream from Heroku broke off; open the tail again.";

    private final ThreadPoolExecutor readers;

    /** After this the tail stops; the browser's {@code EventSource} has to open a new one. */
    private final Duration timeout;

    LogTails(@Value("${sample.log-tails.max:16}") int max, @Value("${sample.log-tails.timeout:30m}") Duration timeout) {
        this.timeout = timeout;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("log-tail-");
        threads.setDaemon(true);
        // No queue: a tail that cannot start now is refused rather than left waiting behind endless ones.
        this.readers = new ThreadPoolExecutor(0, max, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }

    /** Starts sending {@code lines}; throws {@link TooManyTailsException} (and closes them) when all readers are busy. */
    SseEmitter send(Stream<String> lines) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Future<?> reader;
        try {
            reader = readers.submit(() -> forward(lines, emitter));
        }
        catch (RejectedExecutionException ex) {
            lines.close();
            throw new TooManyTailsException(readers.getMaximumPoolSize());
        }
        emitter.onCompletion(() -> reader.cancel(true));
        emitter.onTimeout(() -> reader.cancel(true));
        emitter.onError(error -> reader.cancel(true));
        return emitter;
    }

    private static void forward(Stream<String> lines, SseEmitter emitter) {
        try (lines) {
            Iterator<String> each = lines.iterator();
            while (each.hasNext()) {
                emitter.send(SseEmitter.event().name("log").data(each.next()));
            }
            emitter.send(SseEmitter.event().name("end").data(""));
            emitter.complete();
        }
        catch (IOException ex) {
            log.debug("Log tail stopped: the client went away ({})", ex.getMessage());
        }
        catch (RuntimeException ex) {
            if (Thread.currentThread().isInterrupted() || ex.getCause() instanceof InterruptedException) {
                return; // stopped by onCompletion/onTimeout/onError
            }
            log.warn("Log tail broke off: {}", ex.toString());
            endWithError(emitter);
        }
    }

    /**
     * Tells the browser in the stream itself and ends it normally. Not {@code completeWithError}: that hands the
     * exception to Spring MVC, which cannot write an error body into a committed event stream and logs each attempt
     * as an ERROR with its stack trace.
     */
    private static void endWithError(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().name("error").data(BROKE_OFF));
            emitter.complete();
        }
        catch (IOException | IllegalStateException ex) {
            log.debug("Log tail: the client went away before the error event ({})", ex.getMessage());
        }
    }

    /** Tails being sent now. */
    int open() {
        return readers.getActiveCount();
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }

    /** All readers are busy. */
    static final class TooManyTailsException extends RuntimeException {

        TooManyTailsException(int max) {
            super("Already " + max + " log tails open; try again later.");
        }

    }

}
