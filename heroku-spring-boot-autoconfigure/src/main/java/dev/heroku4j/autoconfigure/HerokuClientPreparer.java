package dev.heroku4j.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.internal.Preinitialization;

/**
 * Once the context is refreshed, builds the WebClient of every {@code HerokuClient} singleton that exists by then
 * (ours or the application's; lazy and prototype beans are left alone) on a daemon thread, {@code heroku4j-prepare},
 * so that neither start-up nor, usually, the first call waits for it. A failure there is logged and left to the
 * first call, which builds again and gets the exception itself.
 *
 * <p>Unless {@code heroku.preinitialize=false}, a second daemon thread, {@code heroku4j-preinitialization}, meanwhile
 * warms the engine once per JVM ({@link Preinitialization}: a dry run in memory, nothing sent), so that the first
 * call finds codecs, filters and bridges loaded. Both start after refresh, not earlier: on a small machine work in
 * the background during start-up slows start-up itself (measured: benchmarks figure 6).
 */
final class HerokuClientPreparer implements ApplicationListener<ContextRefreshedEvent> {

    private static final Logger logger = LoggerFactory.getLogger(HerokuClientPreparer.class);

    private final boolean preinitialize;

    private final List<String> started = new CopyOnWriteArrayList<>();

    HerokuClientPreparer(boolean preinitialize) {
        this.preinitialize = preinitialize;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        ApplicationContext context = event.getApplicationContext();
        List<Runnable> clients = existingClients(context);
        if (clients.isEmpty()) {
            return;
        }
        daemon("heroku4j-prepare", () -> clients.forEach((client) -> prepare(client, context)));
        if (this.preinitialize) {
            daemon("heroku4j-preinitialization", HerokuClientPreparer::preinitialize);
        }
    }

    /** The names of the threads this preparer started, in order (for tests and diagnostics). */
    List<String> startedThreads() {
        return List.copyOf(this.started);
    }

    private void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        this.started.add(name);
    }

    private static List<Runnable> existingClients(ApplicationContext context) {
        if (!(context instanceof ConfigurableApplicationContext configurable)) {
            return List.of();
        }
        ConfigurableListableBeanFactory beanFactory = configurable.getBeanFactory();
        List<Runnable> clients = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForType(Object.class, false, false)) {
            if (beanFactory.containsSingleton(name)) {
                Object bean = beanFactory.getSingleton(name);
                if (bean instanceof HerokuClient client) {
                    clients.add(client::prepare);
                }
                else if (bean instanceof ReactiveHerokuClient client) {
                    clients.add(client::prepare);
                }
            }
        }
        return clients;
    }

    private static void prepare(Runnable client, ApplicationContext context) {
        try {
            client.run();
        }
        catch (RuntimeException ex) {
            if (!(context instanceof ConfigurableApplicationContext configurable) || configurable.isActive()) {
                logger.warn("Preparing the Heroku client failed; the first call will try again", ex);
            }
        }
    }

    /** An optimization only: a failure is logged at debug, the real client reports real problems. */
    private static void preinitialize() {
        try {
            Preinitialization.runOnce();
        }
        catch (RuntimeException ex) {
            logger.debug("heroku4j's dry run failed (the client is unaffected)", ex);
        }
    }
}
