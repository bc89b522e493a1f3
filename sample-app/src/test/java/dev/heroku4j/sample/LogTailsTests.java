package dev.heroku4j.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.heroku4j.client.HerokuClient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * A tail whose log stays quiet must not keep its thread forever: at {@code sample.log-tails.timeout} the reader is
 * stopped and the stream's connection closed; while it runs, it is the one reader allowed here, so another tail is
 * refused. The quiet log is a real HTTP stream on 127.0.0.1 that sends headers and then nothing (the simulator's logs
 * always end), read through the client's own {@code lines(url)}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sample.log-tails.timeout=1s", "sample.log-tails.max=1" })
@AutoConfigureRestTestClient
@Import(LogTailsTests.QuietTail.class)
@ExtendWith(OutputCaptureExtension.class)
class LogTailsTests extends OnTheSimulator {

    private static ServerSocket quietLog;

    /** Sends two log lines, then drops the connection in the middle of the chunked body. */
    private static ServerSocket dyingLog;

    /** One entry each time a client closes its connection to the quiet log. */
    private static final BlockingQueue<String> closedConnections = new LinkedBlockingQueue<>();

    @Autowired
    RestTestClient web;

    @Autowired
    LogTails logTails;

    @BeforeAll
    static void startQuietLog() throws IOException {
        quietLog = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread server = new Thread(LogTailsTests::serveQuietStreams, "quiet-log");
        server.setDaemon(true);
        server.start();
        dyingLog = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread dying = new Thread(LogTailsTests::serveDyingStreams, "dying-log");
        dying.setDaemon(true);
        dying.start();
    }

    @AfterAll
    static void stopQuietLog() throws IOException {
        quietLog.close();
        dyingLog.close();
    }

    @Test
    void aLogStreamThatDiesEndsWithAnErrorEventAndOneWarning(CapturedOutput output) {
        String stream = web.get().uri("/test/dying-tail").accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isOk()
            .returnResult(String.class)
            .getResponseBody();

        List<AppsEndpointTests.SentEvent> events = AppsEndpointTests.SentEvent.parse(stream);
        assertThat(events).extracting(AppsEndpointTests.SentEvent::name).containsExactly("log", "log", "error");
        assertThat(events.get(1).data()).isEqualTo("second line");
        assertThat(events.get(2).data()).isEqualTo("The log stream from Heroku broke off; open the tail again.");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logTails.open() == 0);
        assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ")))
            .singleElement().asString().contains("LogTails", "Log tail broke off");
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void aQuietTailIsStoppedAtTheTimeout() throws InterruptedException {
        web.get().uri("/test/quiet-tail").accept(MediaType.TEXT_EVENT_STREAM).exchange();

        assertThat(closedConnections.poll(10, TimeUnit.SECONDS)).as("the log stream's connection closed").isNotNull();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logTails.open() == 0);
    }

    @Test
    void aTailBeyondTheMaximumIsRefusedWith503() throws Exception {
        CompletableFuture<Void> quiet = CompletableFuture.runAsync(
                () -> web.get().uri("/test/quiet-tail").accept(MediaType.TEXT_EVENT_STREAM).exchange());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logTails.open() == 1);

        web.get().uri("/apps/{name}/logs", "demo-storefront").accept(MediaType.TEXT_EVENT_STREAM).exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().exists("Retry-After")
            .expectBody()
            .jsonPath("$.detail").isEqualTo("Already 1 log tails open; try again later.");

        quiet.get(10, TimeUnit.SECONDS);
        assertThat(closedConnections.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    /** Answers each request with the headers of an endless chunked body, then waits until the client hangs up. */
    private static void serveQuietStreams() {
        while (!quietLog.isClosed()) {
            try {
                Socket socket = quietLog.accept();
                Thread connection = new Thread(() -> serveQuietStream(socket), "quiet-log-connection");
                connection.setDaemon(true);
                connection.start();
            }
            catch (IOException ex) {
                return; // closed after the tests
            }
        }
    }

    private static void serveQuietStream(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readHeaders(in);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (in.read() != -1) {
                // nothing more is expected from the client
            }
        }
        catch (IOException ex) {
            // a reset is a close too
        }
        closedConnections.add("closed");
    }

    private static void serveDyingStreams() {
        while (!dyingLog.isClosed()) {
            try (Socket socket = dyingLog.accept()) {
                readHeaders(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + chunk("first line\n") + chunk("second line\n") + "40\r\npartial")
                    .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoLinger(true, 0); // a reset, as when the log router goes away
            }
            catch (IOException ex) {
                return; // closed after the tests
            }
        }
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.length()) + "\r\n" + text + "\r\n";
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                return;
            }
            matched = (b == end[matched]) ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    /** The sample's own tailing, on the quiet stream instead of a log session's. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class QuietTail {

        private final HerokuClient heroku;

        private final LogTails logTails;

        QuietTail(HerokuClient heroku, LogTails logTails) {
            this.heroku = heroku;
            this.logTails = logTails;
        }

        @GetMapping(path = "/test/quiet-tail", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter quietTail() {
            return logTails.send(heroku.lines("http://127.0.0.1:" + quietLog.getLocalPort() + "/quiet"));
        }

        @GetMapping(path = "/test/dying-tail", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter dyingTail() {
            return logTails.send(heroku.lines("http://127.0.0.1:" + dyingLog.getLocalPort() + "/dying", HerokuService.LOG_STREAM));
        }

    }

}
