package dev.heroku4j.reliability.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures what a leak would show: open file descriptors of this process, TCP connections to a port (from
 * {@code /proc/net/tcp}), and used heap after GC. Linux only for the first two (the tests assume Linux).
 */
public final class Resources {

    private Resources() {
    }

    /** Open file descriptors of this JVM ({@code /proc/self/fd}); -1 when not on Linux. */
    public static long openFileDescriptors() {
        Path fd = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fd)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fd)) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Client-side TCP connections to 127.0.0.1:{@code remotePort} in state ESTABLISHED (01) or any state when
     * {@code anyState}, read from {@code /proc/net/tcp} (IPv4) and {@code /proc/net/tcp6}.
     */
    public static int connectionsTo(int remotePort, boolean anyState) {
        int n = 0;
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(file);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 4 || !f[2].contains(":")) {
                        continue;
                    }
                    String remote = f[2];
                    int port = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                    if (port == remotePort && (anyState || f[3].toUpperCase(Locale.ROOT).equals("01"))) {
                        n++;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // unreadable line or file: skip
            }
        }
        return n;
    }

    /**
     * Used heap after asking for GC a few times and letting finalisation/reference processing run: the low-water
     * mark of five rounds, which removes most noise from concurrent allocation.
     */
    public static long usedHeapAfterGc() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
