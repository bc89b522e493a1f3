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
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = start(args);
        report(t0, System.nanoTime(), ManagementFactory.getRuntimeMXBean().getUptime(), context, -1);
    }

    public static ConfigurableApplicationContext start(String[] args) {
        SpringApplication app = new SpringApplication(MvcApp.class);
        app.setDefaultProperties(java.util.Map.of("server.address", "127.0.0.1", "server.port", "0"));
        ConfigurableApplicationContext context = app.run(args);
        classesAtReady = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        return context;
    }

    /** Classes the JVM had loaded when {@code run} returned: unlike times, the same in every start. */
    private static long classesAtReady;

    /** Prints the RESULT line {@code RunAll} reads, then stops the JVM. */
    public static void report(long t0, long ready, long uptime, ConfigurableApplicationContext context,
            double firstCallMillis) {
        System.out.println("RESULT " + (ready - t0) / 1e6 + " " + uptime + " " + firstCallMillis + " " + classesAtReady);
        System.out.flush();
        context.close();
        System.exit(0);
    }

    @GetMapping("/ping")
    String ping() {
        return "pong";
    }
}
