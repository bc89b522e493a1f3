package dev.heroku4j.client.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real PostgreSQL server ({@code initdb} + {@code postgres}) on a free loopback port, trust authentication for
 * the user {@code postgres}, no fsync; run as the {@code postgres} user when the JVM runs as root.
 */
public final class LocalPostgres extends LocalProcess {

    private final Path data;

    private LocalPostgres() throws IOException, InterruptedException {
        super("postgres");
        this.data = dir.resolve("data");
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "-R", "postgres", dir.toString()));
        }
        run(as("postgres", List.of(binary("initdb"), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync")));
    }

    /** Initialises and starts one; close it to stop it and remove its directory. */
    public static LocalPostgres started() throws IOException, InterruptedException {
        LocalPostgres pg = new LocalPostgres();
        pg.start();
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2&socketTimeout=5";
    }

    @Override
    protected List<String> command() {
        return as("postgres", List.of(binary("postgres"), "-D", data.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + dir, "-c", "fsync=off",
                "-c", "max_connections=200"));
    }

    /** Fast shutdown: sessions are ended, not waited for. */
    @Override
    protected String stopSignal() {
        return "INT";
    }

    /** Immediate shutdown, as a crash: the next start recovers. */
    @Override
    protected String crashSignal() {
        return "QUIT";
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("init.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }
}
