package dev.heroku4j.client.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@link LocalRedis} and {@link LocalPostgres} share: a server binary of Debian's packages run on a free
 * loopback port in a temporary directory, started and stopped by the test itself (no container, no mock).
 */
abstract class LocalProcess implements AutoCloseable {

    protected final Path dir;
    protected final int port;
    private Process process;

    protected LocalProcess(String name) throws IOException {
        this.dir = Files.createTempDirectory("heroku4j-" + name);
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, after {@link #stop()}), on the same port and data, and waits until it listens. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        process = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!listening()) {
            if (!process.isAlive()) {
                throw new IOException(String.join(" ", command()) + " exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("server.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(String.join(" ", command()) + " did not listen on " + port + " within 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** Kills the server at once, as a crash would ({@link #crashSignal()}): a store that dies mid-run. */
    public synchronized void kill() throws IOException, InterruptedException {
        signal(crashSignal());
    }

    /** Stops the server ({@link #stopSignal()}) and waits for it. */
    public synchronized void stop() throws IOException, InterruptedException {
        signal(stopSignal());
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (listening() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    protected String stopSignal() {
        return "TERM";
    }

    protected String crashSignal() {
        return "KILL";
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    protected abstract List<String> command();

    protected boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** As the given user when this JVM runs as root (PostgreSQL refuses root), else as is. */
    protected static List<String> as(String user, List<String> command) {
        List<String> all = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // setpriv execs the command itself (no parent left between), so a signal reaches the server
            all.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"));
        }
        all.addAll(command);
        return all;
    }

    protected static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The path of a server binary: on the PATH, or in Debian's versioned PostgreSQL directory. */
    protected static String binary(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder()).map(Path::toString)
                    .orElseThrow(() -> new IllegalStateException(missing(name)));
        } catch (IOException e) {
            throw new IllegalStateException(missing(name), e);
        }
    }

    private static String missing(String name) {
        return name + " not found: install Debian's packages (apt-get install -y redis-server postgresql)";
    }
}
