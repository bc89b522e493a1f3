package dev.heroku4j.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NativeDetector;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.heroku4j.client.internal.Preinitialization;

/**
 * Starts {@link Preinitialization}'s dry run on a daemon thread as soon as the environment is prepared, once per
 * JVM, in the spirit of Spring Boot's {@code BackgroundPreinitializer}: the classes the client and its first call
 * need are loaded on another processor while the context starts. Registered in {@code META-INF/spring.factories}
 * because it runs before any bean exists.
 *
 * <p>Skipped with {@code heroku.preinitialize=false} or {@code heroku.enabled=false}, when Boot's own
 * preinitialization is switched off ({@value #IGNORE_BOOT_PREINITIALIZER}), on one processor, and in a native image.
 * A failure is logged at debug level only: the dry run is an optimization, the real client reports real problems.
 */
public final class HerokuPreinitializer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Spring Boot's system property that switches its own background preinitialization off; honoured here too. */
    static final String IGNORE_BOOT_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

    private static final Logger logger = LoggerFactory.getLogger(HerokuPreinitializer.class);

    private static final AtomicBoolean started = new AtomicBoolean();

    private static final CountDownLatch finished = new CountDownLatch(1);

    private static volatile @Nullable Throwable failure;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (wanted(event.getEnvironment()) && started.compareAndSet(false, true)) {
            Thread thread = new Thread(HerokuPreinitializer::run, "heroku4j-preinitialization");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static boolean wanted(ConfigurableEnvironment environment) {
        return environment.getProperty("heroku.enabled", Boolean.class, true)
                && environment.getProperty("heroku.preinitialize", Boolean.class, true)
                && !Boolean.getBoolean(IGNORE_BOOT_PREINITIALIZER)
                && Runtime.getRuntime().availableProcessors() > 1
                && !NativeDetector.inNativeImage();
    }

    private static void run() {
        try {
            Preinitialization.run();
        }
        catch (Throwable ex) {
            failure = ex;
            logger.debug("heroku4j's background preinitialization failed (the client is unaffected)", ex);
        }
        finally {
            finished.countDown();
        }
    }

    /** For tests: whether this JVM's dry run has started, waiting up to the timeout for it to end; rethrows its failure. */
    static boolean awaitFinished(long timeout, TimeUnit unit) throws Throwable {
        if (!started.get() || !finished.await(timeout, unit)) {
            return false;
        }
        Throwable ex = failure;
        if (ex != null) {
            throw ex;
        }
        return true;
    }
}
