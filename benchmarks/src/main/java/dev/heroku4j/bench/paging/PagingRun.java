package dev.heroku4j.bench.paging;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.heroku4j.bench.Clients;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.paging.Range;

/**
 * Figure 3, one run in a fresh JVM (fixed -Xmx): all apps through {@code heroku.app().appList(Range.by("id")
 * .withMax(1000))}, either
 * <ul>
 *   <li>{@code stream}: the {@code ReactiveHerokuClient}'s {@code PagedFlux} iterated as the apps arrive
 *       ({@code toIterable()}, Reactor's default prefetch),</li>
 *   <li>{@code collect}: the same {@code PagedFlux}, {@code collectList().block()} first, then iterated, or</li>
 *   <li>{@code blocking}: the {@code HerokuClient}'s {@code PagedIterable} iterated.</li>
 * </ul>
 * Heap: the baseline is the used heap after {@code System.gc()} with the client built and warmed by one app info
 * call; "live growth" is the highest heap-after-GC (GC notifications) minus the baseline; "sampled growth" is the
 * highest used heap read every millisecond (garbage included) minus the baseline.
 * With {@code probe} as second argument, a thread forces a full GC every 100 ms (and once more before the list is
 * dropped) and reads the used heap right after it: the exact live set at random points of the page cycle (decoding
 * included), at the price of the pauses (so probe runs are not used for times).
 * Prints {@code RESULT items startMicros firstItemMicros endMicros afterGcGrowthBytes sampledGrowthBytes gcs
 * probeGrowthBytes}
 * (epoch microseconds, comparable with the server's page log).
 */
public final class PagingRun {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        boolean probe = args.length > 1 && args[1].equals("probe");
        ReactiveHerokuClient heroku = Clients.reactive(Clients.baseUrl());
        HerokuClient blocking = heroku.blocking(); // the same engine, so both modes start equally warm
        heroku.app().appInfo("example").block();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        Thread.sleep(200);
        long baseline = memory.getHeapMemoryUsage().getUsed();

        AtomicLong peakAfterGc = new AtomicLong(baseline);
        AtomicLong gcs = new AtomicLong();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    used += u.getUsed();
                }
                gcs.incrementAndGet();
                peakAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        AtomicLong peakSampled = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakSampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        AtomicLong probePeak = new AtomicLong(baseline);
        Thread prober = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                probePeak.accumulateAndGet(liveNow(memory), Math::max);
            }
        }, "live-heap-prober");
        prober.setDaemon(true);
        if (probe) {
            prober.start();
        }
        long items = 0;
        long nameChars = 0;
        long firstItem = 0;
        long start = nowMicros();
        Range range = Range.by("id").withMax(1000);
        Iterable<App> source;
        if (mode.equals("stream")) {
            source = heroku.app().appList(range).toIterable();
        } else if (mode.equals("collect")) {
            List<App> list = heroku.app().appList(range).collectList().block();
            source = list;
        } else if (mode.equals("blocking")) {
            source = blocking.app().appList(range);
        } else {
            throw new IllegalArgumentException(mode);
        }
        Iterator<App> it = source.iterator();
        while (it.hasNext()) {
            App app = it.next();
            if (items == 0) {
                firstItem = nowMicros();
            }
            items++;
            nameChars += app.getName().length();
        }
        if (probe) {
            probePeak.accumulateAndGet(liveNow(memory), Math::max); // collect: the whole list is still reachable here
        }
        long end = nowMicros();
        prober.interrupt();
        prober.join();
        sampler.interrupt();
        sampler.join();
        Thread.sleep(100); // let the last GC notification arrive
        if (nameChars == 0) {
            throw new IllegalStateException("no names");
        }
        System.out.println("RESULT " + items + " " + start + " " + firstItem + " " + end + " "
                + (peakAfterGc.get() - baseline) + " " + (peakSampled.get() - baseline) + " " + gcs.get() + " "
                + (probe ? probePeak.get() - baseline : -1));
        System.exit(0);
    }

    /** Used heap right after a full collection: what is really live now (the probe runs only; it stalls the run). */
    static long liveNow(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
