package dev.heroku4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A child process: stdout read line by line, stderr to a log file, stdin for commands. */
public final class Proc {
    private static final java.util.concurrent.ExecutorService IO = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "proc-io");
        t.setDaemon(true);
        return t;
    });
    private final Process process;
    private final BufferedReader stdout;
    private final PrintWriter stdin;
    private final PrintWriter log;

    private Proc(Process process, PrintWriter log) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.log = log;
    }

    public static Proc start(String name, Path logs, Set<String> unsetEnv, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (unsetEnv != null) {
            unsetEnv.forEach(pb.environment()::remove);
        }
        Path logFile = logs.resolve(name + ".log");
        pb.redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
        log.println("$ " + String.join(" ", cmd) + (unsetEnv == null ? "" : "   (env without " + unsetEnv + ")"));
        return new Proc(pb.start(), log);
    }

    long pid() {
        return process.pid();
    }

    public void send(String line) {
        stdin.println(line);
    }

    /** The next stdout line starting with {@code prefix}; other lines go to the log. */
    public String expect(String prefix, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        java.util.concurrent.CompletableFuture<String> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = stdout.readLine()) != null) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                    log.println(line);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, IO);
        String line = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new IllegalStateException("process ended before printing " + prefix + " (exit "
                    + process.waitFor() + "); see its log");
        }
        return line;
    }

    public int waitFor(long timeoutSeconds) throws Exception {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = stdout.readLine()) != null) {
                    log.println(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, IO);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("process did not end in " + timeoutSeconds + " s");
        }
        return process.exitValue();
    }

    public void kill() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
