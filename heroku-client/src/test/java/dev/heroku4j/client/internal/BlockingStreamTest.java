package dev.heroku4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class BlockingStreamTest {

    @Test
    void close_fromAnotherThread_wakesTheReaderAndCancelsTheSource() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        Stream<String> lines = BlockingStream.of(Flux.<String>never().doOnCancel(() -> cancelled.set(true)));
        Iterator<String> reader = lines.iterator();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(reader::hasNext);
        Thread.sleep(200); // the reader is now waiting for a line that never comes
        assertThat(waiting).isNotDone();

        lines.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(cancelled).isTrue();
    }

    @Test
    void items_arriveInOrder_andAnErrorIsThrownWhereItHappened() {
        Stream<String> lines = BlockingStream.of(Flux.just("a", "b").concatWith(Flux.error(new IllegalStateException("cut"))));
        Iterator<String> reader = lines.iterator();
        assertThat(reader.next()).isEqualTo("a");
        assertThat(reader.next()).isEqualTo("b");
        assertThatThrownBy(reader::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("cut");
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void aLongSource_isRequestedAsItIsRead_notAllAtOnce() {
        java.util.concurrent.atomic.AtomicLong requested = new java.util.concurrent.atomic.AtomicLong();
        try (Stream<Integer> numbers = BlockingStream.of(Flux.range(0, 10_000).doOnRequest(requested::addAndGet))) {
            assertThat(numbers.limit(3).toList()).containsExactly(0, 1, 2);
        }
        assertThat(requested.get()).isLessThan(100);
    }
}
