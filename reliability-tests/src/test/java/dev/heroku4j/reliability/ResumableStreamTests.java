package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.LogSession;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.streaming.StreamBrokenException;
import dev.heroku4j.client.streaming.StreamOptions;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.reliability.support.CutStream;
import dev.heroku4j.reliability.support.RawServer;
import dev.heroku4j.reliability.support.Secrets;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.node.ObjectNode;

/**
 * Build output and log streams that break mid-line and are resumed: asserted line by line, nothing lost or repeated,
 * on both clients. The simulator's own log-session stream cut by its injected failure ({@code text/event-stream},
 * resumed with {@code Last-Event-Id}); what the simulator does not do comes from {@link CutStream}, a stream host of
 * the test's own: {@code text/plain} (with {@code Range}, and a server that ignores it), a server that replays
 * events, a connection reset; the reconnects bounded; the API key never sent to the stream host.
 */
@Timeout(60)
class ResumableStreamTests {

    static final List<String> LINES = CutStream.numbered(300);
    static final StreamOptions QUICK = StreamOptions.defaults().pauses(Duration.ofMillis(10), Duration.ofMillis(50));

    // the API is elsewhere: streams never go there
    final HerokuClient heroku = Clients.fast("http://127.0.0.1:" + Clients.closedPort());
    final ReactiveHerokuClient reactive = heroku.reactive();

    @Test
    void simulatorLogStream_cutTwiceMidLine_resumesWithLastEventId_everyLineOnce_onBothClients() {
        try (HerokuSimulator sim = HerokuSimulator.builder().start()) {
            HerokuClient api = Clients.patient(sim.baseUrl());
            ObjectNode app = sim.state().createApp("stream-cut", null, null);
            for (int i = 1; i <= 40; i++) {
                sim.state().log(app, "app[web.1]", "line " + i + " of a long log, ünïcödé");
            }
            LogSession session = api.logSession().logSessionCreate("stream-cut", new LogSessionCreateOpts().lines(40).tail(false));
            String path = session.getLogplexUrl().substring(sim.baseUrl().length());

            for (int round = 0; round < 2; round++) {
                sim.state().failures().streamCut(7);
                sim.state().failures().streamCut(11);
                int before = sim.journal().count("GET", path);

                List<String> got = round == 0 ? api.reactive().lines(session.getLogplexUrl(), QUICK).collectList().block(Clients.BOUND)
                        : api.readLines(session.getLogplexUrl());

                List<String> whole = api.readLines(session.getLogplexUrl()); // the cuts are used up: read in one go
                assertThat(whole).hasSize(40).last().asString().endsWith("line 40 of a long log, ünïcödé");
                assertThat(got).containsExactlyElementsOf(whole);
                List<JournalEntry> reads = sim.journal().entries("GET", path).subList(before, before + 3);
                // resumed after the 7th line, then after 11 more (ids are line numbers in the app's log)
                long first = Long.parseLong(reads.get(1).headers().get("last-event-id").get(0));
                assertThat(reads.get(0).headers()).doesNotContainKey("last-event-id");
                assertThat(reads.get(2).headers().get("last-event-id")).containsExactly(String.valueOf(first + 11));
            }
        }
    }

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
