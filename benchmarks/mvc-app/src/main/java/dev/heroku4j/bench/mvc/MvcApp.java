package dev.heroku4j.bench.mvc;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figure 6: a minimal Spring MVC application (Tomcat on 127.0.0.1, a random port, one endpoint). Started by
 * {@code java -jar target/benchmarks-mvc-app-*-exec.jar}, it prints {@code RESULT runMillis uptimeAtReadyMillis -1 classesAtReady}
 * and exits; {@code MvcStarterApp} (../mvc-app-starter) is the same application with the starter and a first call.
 */
@SpringBootApplication(proxyBeanMethods = false)
@RestController
public class MvcApp {

    public static void main(String[] args) {
        start(args).report(-1);
    }

    /** Starts the application and notes what figure 6 reads at ready. */
    public static Started start(String[] args) {
        long t0 = System.nanoTime();
        SpringApplication app = new SpringApplication(MvcApp.class);
        app.setDefaultProperties(java.util.Map.of("server.address", "127.0.0.1", "server.port", "0"));
        ConfigurableApplicationContext context = app.run(args);
        return new Started(context, (System.nanoTime() - t0) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(),
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    }

    /**
     * A started application: how long {@code run} took, the JVM's uptime and the classes it had loaded when
     * {@code run} returned (unlike times, the same in every start).
     */
    public record Started(ConfigurableApplicationContext context, double runMillis, long uptimeAtReadyMillis,
            long classesAtReady) {

        /**
         * Times {@code firstCall}, made after {@code -Dbench.firstCallPauseMillis} (default 0: at once), as a
         * service's first call may come a little after start; the pause is in no figure.
         */
        public double timeFirstCall(java.util.function.Consumer<ConfigurableApplicationContext> firstCall) {
            try {
                Thread.sleep(Long.getLong("bench.firstCallPauseMillis", 0));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            long c0 = System.nanoTime();
            firstCall.accept(context);
            return (System.nanoTime() - c0) / 1e6;
        }

        /** Prints the RESULT line {@code RunAll} reads, then stops the JVM. */
        public void report(double firstCallMillis) {
            System.out.println("RESULT " + runMillis + " " + uptimeAtReadyMillis + " " + firstCallMillis + " " + classesAtReady);
            System.out.flush();
            context.close();
            System.exit(0);
        }
    }

    @GetMapping("/ping")
    String ping() {
        return "pong";
    }
}
