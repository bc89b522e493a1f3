package dev.heroku4j.bench.mvc;

import java.lang.management.ManagementFactory;

import org.springframework.context.ConfigurableApplicationContext;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.http.HttpConnectors;

/**
 * Figure 6, "with starter": {@link MvcApp} with heroku-spring-boot-starter on the classpath, started with
 * {@code --heroku.api-key=.. --heroku.base-url=..}. After start (and {@code -Dbench.firstCallPauseMillis}, default 0),
 * times the first {@code appInfo("example")} of the starter's {@code HerokuClient} (from asking the context for it) and prints
 * {@code RESULT runMillis uptimeAtReadyMillis firstCallMillis classesAtReady} (the connector on stderr).
 */
public final class MvcStarterApp {

    private MvcStarterApp() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = MvcApp.start(args);
        long ready = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        pause(Long.getLong("bench.firstCallPauseMillis", 0));
        long c0 = System.nanoTime();
        HerokuClient heroku = context.getBean(HerokuClient.class);
        String name = heroku.app().appInfo("example").getName();
        double firstCall = (System.nanoTime() - c0) / 1e6;
        if (!"example".equals(name)) {
            throw new IllegalStateException(name);
        }
        if (HttpConnectors.reactorNettyPresent()) {
            throw new IllegalStateException("Reactor Netty is on this Spring MVC application's classpath");
        }
        System.err.println("connector " + heroku.config().connector().get().getClass().getSimpleName()
                + ", ready after " + (ready - t0) / 1e6 + " ms");
        MvcApp.report(t0, ready, uptime, context, firstCall);
    }

    /** A first call that comes a little after start, as in most services (not part of the start-up figures). */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
