package dev.heroku4j.client.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * A {@link Flux} read as a blocking {@link Stream} whose {@link Stream#close()} also wakes a thread waiting for the
 * next item, from any thread: Reactor's {@code toStream()} cancels on close but leaves such a reader waiting for
 * good, so a log tail closed by a timeout or a gone browser would pin its thread.
 */
public final class BlockingStream {

    private static final int PREFETCH = 16;
    private static final Object END = new Object();

    private BlockingStream() {
    }

    public static <T> Stream<T> of(Flux<T> source) {
        Reader<T> reader = new Reader<>();
        source.subscribe(reader);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED), false)
                .onClose(reader::stop);
    }

    private record Failure(Throwable error) {
    }

    private static final class Reader<T> extends BaseSubscriber<T> implements Iterator<T> {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private @Nullable Object next;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(PREFETCH); // at most this many lines wait in the queue
        }

        @Override
        protected void hookOnNext(T value) {
            queue.add(value);
        }

        @Override
        protected void hookOnError(Throwable error) {
            queue.add(new Failure(error));
        }

        @Override
        protected void hookOnComplete() {
            queue.add(END);
        }

        void stop() {
            cancel();
            queue.add(END);
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop();
                    next = END;
                }
            }
            if (next instanceof Failure failure) {
                next = END;
                throw failure.error() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure.error());
            }
            return next != END;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T value = (T) next;
            next = null;
            request(1);
            return value;
        }
    }
}
