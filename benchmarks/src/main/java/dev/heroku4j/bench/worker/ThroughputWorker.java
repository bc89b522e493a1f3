package dev.heroku4j.bench.worker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.heroku4j.bench.BlockingFloor;
import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.bench.jmh.OverheadBenchmark;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.model.App;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Figure 2: one contender in its own JVM, driven over stdin/stdout by {@code RunAll} so that contenders can be run
 * round-robin (side by side) against the same server. Protocol (one line each):
 * <pre>
 *   -> READY
 *   <- RUN concurrency rampMillis measureMillis
 *   -> MEASURING                       (after the ramp; RunAll samples the server's CPU here)
 *   -> RESULT ops errors cpuNanos wallNanos liveThreads firstError
 *   <- QUIT
 * </pre>
 * Contenders: {@code heroku4j} ({@code ReactiveHerokuClient} + {@code block()}), {@code heroku4j-blocking}
 * ({@code HerokuClient}), {@code floor} (WebClient + {@code block()}), {@code blocking-floor} (RestClient on the JDK
 * HttpClient) and {@code herokujar} use one platform thread per caller, each making blocking calls;
 * {@code heroku4j-reactive} makes the calls with {@code flatMap(.., concurrency)} and no caller threads at all.
 * Diagnosis contenders, blocking callers too: {@code floor-model} (the floor's WebClient decoding into the generated
 * {@code App} with heroku4j's mapper) and {@code generated-only} ({@link OverheadBenchmark#generatedOnly}).
 */
public final class ThroughputWorker {

    interface Call {
        Object call() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String contender = args[0];
        String url = Clients.baseUrl();
        Call call;
        ReactiveHerokuClient reactive = null;
        switch (contender) {
            case "heroku4j", "heroku4j-reactive" -> {
                reactive = Clients.reactive(url);
                ReactiveHerokuClient h = reactive;
                call = () -> h.app().appInfo("example").block();
            }
            case "heroku4j-blocking" -> {
                HerokuClient heroku = Clients.blocking(url);
                call = () -> heroku.app().appInfo("example");
            }
            case "floor" -> {
                Floor floor = Clients.floor(url);
                call = () -> floor.appInfo("example").block();
            }
            // diagnosis only (benchmarks/throughput-rounds.py), not in figure 2: one heroku4j part at a time
            case "floor-model" -> {
                Floor floor = new Floor(url, Clients.API_KEY, null, HerokuJson.mapper());
                call = () -> floor.appInfo("example", App.class).block();
            }
            case "generated-only" -> {
                ReactiveHerokuClient h = OverheadBenchmark.generatedOnly(url);
                call = () -> h.app().appInfo("example").block();
            }
            case "blocking-floor" -> {
                BlockingFloor floor = Clients.blockingFloor(url);
                call = () -> floor.appInfo("example");
            }
            case "herokujar" -> {
                com.heroku.api.HerokuAPI api = Clients.herokuJar(url);
                call = () -> api.getApp("example");
            }
            default -> throw new IllegalArgumentException(contender);
        }
        Object first = call.call();
        if (first == null) {
            throw new IllegalStateException("no answer");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.trim().split(" ");
            if (p[0].equals("QUIT")) {
                break;
            }
            if (!p[0].equals("RUN")) {
                continue;
            }
            int concurrency = Integer.parseInt(p[1]);
            long ramp = Long.parseLong(p[2]);
            long measure = Long.parseLong(p[3]);
            String result = contender.equals("heroku4j-reactive")
                    ? runReactive(reactive, concurrency, ramp, measure)
                    : runThreads(call, concurrency, ramp, measure);
            System.out.println("RESULT " + result);
            System.out.flush();
        }
        System.exit(0);
    }

    private static String runThreads(Call call, int concurrency, long ramp, long measure) throws Exception {
        LongAdder ops = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        call.call();
                        ops.increment();
                    } catch (Throwable e) {
                        errors.increment();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            }, "caller-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        return measure(ops, errors, firstError, ramp, measure, () -> {
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
        });
    }

    private static String runReactive(ReactiveHerokuClient heroku, int concurrency, long ramp, long measure) throws Exception {
        LongAdder ops = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        reactor.core.Disposable run = Flux.<Integer>generate(sink -> sink.next(0))
                .takeWhile(x -> !stop.get())
                .flatMap(x -> heroku.app().appInfo("example")
                        .doOnNext(a -> ops.increment())
                        .onErrorResume(e -> {
                            errors.increment();
                            firstError.compareAndSet(null, e.toString());
                            return reactor.core.publisher.Mono.empty();
                        }), concurrency)
                .subscribeOn(Schedulers.single())
                .subscribe();
        return measure(ops, errors, firstError, ramp, measure, () -> {
            stop.set(true);
            Thread.sleep(200);
            run.dispose();
        });
    }

    interface Stopper {
        void stop() throws Exception;
    }

    private static String measure(LongAdder ops, LongAdder errors, AtomicReference<String> firstError, long ramp,
                                  long measure, Stopper stopper) throws Exception {
        Thread.sleep(ramp);
        System.out.println("MEASURING");
        System.out.flush();
        long ops0 = ops.sum();
        long err0 = errors.sum();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(measure / 2);
        int threads = liveThreads();
        Thread.sleep(measure - measure / 2);
        long t1 = System.nanoTime();
        long cpu1 = cpuNanos();
        long ops1 = ops.sum();
        long err1 = errors.sum();
        stopper.stop();
        String err = firstError.get();
        return (ops1 - ops0) + " " + (err1 - err0) + " " + (cpu1 - cpu0) + " " + (t1 - t0) + " " + threads + " "
                + (err == null ? "-" : err.replaceAll("\\s+", "_"));
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Threads of this process as the kernel counts them (callers, I/O, GC, JIT). */
    static int liveThreads() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Threads:")) {
                    return Integer.parseInt(l.substring(8).trim());
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
