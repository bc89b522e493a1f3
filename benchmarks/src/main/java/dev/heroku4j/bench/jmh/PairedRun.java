package dev.heroku4j.bench.jmh;

import java.lang.management.ManagementFactory;

import dev.heroku4j.bench.BlockingFloor;
import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;

/**
 * Figure 1d (complements the JMH figure on a shared machine): heroku4j and its floor in ONE JVM, both warmed up,
 * measured in alternating blocks of {@code blockMillis} (order flipped every pair, so neither always goes first). Each
 * pair gives a latency ratio and a CPU ratio measured within a fraction of a second of each other, so machine load
 * that drifts over seconds cancels out. Prints one line per pair: {@code PAIR latencyRatio cpuRatio} and then
 * {@code DONE}. The last argument picks the pair: {@code reactive} ({@code ReactiveHerokuClient} + {@code block()}
 * against the WebClient floor) or {@code blocking} ({@code HerokuClient} against the RestClient floor).
 */
public final class PairedRun {

    public static void main(String[] args) throws Exception {
        int pairs = Integer.parseInt(args[0]);
        long blockNanos = Long.parseLong(args[1]) * 1_000_000L;
        long warmupMillis = Long.parseLong(args[2]);
        String url = Clients.baseUrl();
        Runnable a;
        Runnable b;
        switch (args[3]) {
            case "reactive" -> {
                ReactiveHerokuClient heroku = Clients.reactive(url);
                Floor floor = Clients.floor(url);
                a = () -> heroku.app().appInfo("example").block();
                b = () -> floor.appInfo("example").block();
            }
            case "blocking" -> {
                HerokuClient heroku = Clients.blocking(url);
                BlockingFloor floor = Clients.blockingFloor(url);
                a = () -> heroku.app().appInfo("example");
                b = () -> floor.appInfo("example");
            }
            default -> throw new IllegalArgumentException(args[3]);
        }
        long warmEnd = System.nanoTime() + warmupMillis * 1_000_000L;
        while (System.nanoTime() < warmEnd) {
            block(a, 50_000_000L);
            block(b, 50_000_000L);
        }
        for (int i = 0; i < pairs; i++) {
            double[] ra;
            double[] rb;
            if (i % 2 == 0) {
                ra = block(a, blockNanos);
                rb = block(b, blockNanos);
            } else {
                rb = block(b, blockNanos);
                ra = block(a, blockNanos);
            }
            System.out.println("PAIR " + ra[0] / rb[0] + " " + ra[1] / rb[1]);
        }
        System.out.println("DONE");
        System.exit(0);
    }

    /** {wall ns per call, process CPU ns per call} over one block. */
    private static double[] block(Runnable call, long nanos) {
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        long end = t0 + nanos;
        long calls = 0;
        long now;
        do {
            call.run();
            calls++;
            now = System.nanoTime();
        } while (now < end);
        long cpu1 = cpu();
        return new double[]{(now - t0) / (double) calls, (cpu1 - cpu0) / (double) calls};
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
