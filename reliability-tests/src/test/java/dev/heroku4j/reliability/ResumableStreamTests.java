package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.streaming.StreamBrokenException;
import dev.heroku4j.client.streaming.StreamOptions;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.reliability.support.CutStream;
import dev.heroku4j.reliability.support.RawServer;
import dev.heroku4j.reliability.support.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Build output and log streams that break mid-line and are resumed: asserted line by line, nothing lost or repeated,
 * on both clients, for {@code text/plain} (with {@code Range}, and a server that ignores it) and
 * {@code text/event-stream} (with {@code Last-Event-Id}, and a server that replays); the reconnects bounded; the API
 * key never sent to the stream host.
 */
@Timeout(60)
class ResumableStreamTests {

    static final List<String> LINES = CutStream.numbered(300);
    static final StreamOptions QUICK = StreamOptions.defaults().pauses(Duration.ofMillis(10), Duration.ofMillis(50));

    // the API is elsewhere: streams never go there
    final HerokuClient heroku = Clients.fast("http://127.0.0.1:" + Clients.closedPort());
    final ReactiveHerokuClient reactive = heroku.reactive();

    @Test
    void plainStream_cutTwiceMidLine_resumesWithRange_everyLineOnceInOrder() {
        CutStream stream = new CutStream(LINES, CutStream.Mode.PLAIN, 2, 5_003);
        try (RawServer server = new RawServer(stream)) {
            List<String> got = reactive.lines(server.baseUrl() + "/streams/b1?sig=s3cr3t", QUICK).collectList().block(Clients.BOUND);

            assertThat(got).containsExactlyElementsOf(LINES);
            assertThat(stream.served()).isEqualTo(3);
            List<String> heads = server.heads();
            assertThat(CutStream.header(heads.get(0), "Range")).isNull();
            long firstOffset = Long.parseLong(CutStream.header(heads.get(1), "Range").replaceAll("bytes=(\\d+)-", "$1"));
            assertThat(firstOffset).isPositive().isLessThan(5_003); // the complete lines before the cut
            assertThat(heads).allSatisfy(head -> assertThat(head).doesNotContainIgnoringCase("authorization")
                    .doesNotContain(Secrets.KEY));
        }
    }

    @Test
    void plainStream_whenTheServerIgnoresRange_skipsWhatWasRead_onTheBlockingClient() {
        CutStream stream = new CutStream(LINES, CutStream.Mode.PLAIN_IGNORING_RANGE, 3, 4_000);
        try (RawServer server = new RawServer(stream); Stream<String> lines = heroku.lines(server.baseUrl() + "/s", QUICK)) {
            assertThat(lines.toList()).containsExactlyElementsOf(LINES);
            assertThat(stream.served()).isEqualTo(4);
        }
    }

    @Test
    void eventStream_cutMidEvent_resumesWithLastEventId_everyLineOnce() {
        CutStream stream = new CutStream(LINES, CutStream.Mode.EVENTS, 2, 7_001);
        try (RawServer server = new RawServer(stream)) {
            List<String> got = reactive.lines(server.baseUrl() + "/events", QUICK).collectList().block(Clients.BOUND);

            assertThat(got).containsExactlyElementsOf(LINES);
            assertThat(CutStream.header(server.heads().get(1), "Last-Event-Id")).matches("\\d+");
            assertThat(heroku.readLines(server.baseUrl() + "/events")).containsExactlyElementsOf(LINES);
        }
    }

    @Test
    void eventStream_whenTheServerReplaysFromTheStart_dropsEventsAlreadyGiven() {
        CutStream stream = new CutStream(LINES, CutStream.Mode.EVENTS_REPLAYING, 2, 6_000);
        try (RawServer server = new RawServer(stream)) {
            assertThat(reactive.lines(server.baseUrl() + "/events", QUICK).collectList().block(Clients.BOUND))
                    .containsExactlyElementsOf(LINES);
        }
    }

    @Test
    void stream_thatBreaksBeforeEveryLine_failsAfterTheReconnectsAllowed() {
        CutStream stream = new CutStream(LINES, CutStream.Mode.PLAIN, Integer.MAX_VALUE, 0);
        try (RawServer server = new RawServer(stream)) {
            assertThatThrownBy(() -> reactive.lines(server.baseUrl() + "/s?sig=s3cr3t", QUICK.maxReconnects(3))
                    .blockLast(Clients.BOUND))
                    .isInstanceOf(StreamBrokenException.class)
                    .hasMessageContaining("broke after 3 reconnects")
                    .hasMessageNotContaining("s3cr3t");
            assertThat(stream.served()).isEqualTo(4);
        }
    }

    @Test
    void stream_whenTheLinesKeepComing_reconnectsAsOftenAsItBreaks() {
        CutStream stream = new CutStream(LINES, CutStream.Mode.PLAIN, 8, 2_000);
        try (RawServer server = new RawServer(stream)) {
            // 8 breaks, each after new lines: more than maxReconnects(2) in all, never 2 in a row without progress
            assertThat(reactive.lines(server.baseUrl() + "/s", QUICK.maxReconnects(2)).collectList().block(Clients.BOUND))
                    .containsExactlyElementsOf(LINES);
        }
    }

    @Test
    void stream_withNoReconnect_failsAtTheFirstBreak() {
        CutStream stream = new CutStream(LINES, CutStream.Mode.PLAIN, 1, 3_000);
        try (RawServer server = new RawServer(stream)) {
            assertThatThrownBy(() -> reactive.lines(server.baseUrl() + "/s", StreamOptions.noReconnect()).blockLast(Clients.BOUND))
                    .isInstanceOf(StreamBrokenException.class);
            assertThat(stream.served()).isEqualTo(1);
        }
    }
}
