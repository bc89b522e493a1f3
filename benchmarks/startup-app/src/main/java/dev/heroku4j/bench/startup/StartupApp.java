package dev.heroku4j.bench.startup;

import java.lang.management.ManagementFactory;

import dev.heroku4j.client.HerokuClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Figure 4: a minimal Spring Boot app (core starter only, no web server). Started in a fresh JVM per measurement:
 * <pre>
 *   java -cp startup-app/target/classes:startup-app/target/lib/* ...StartupApp none     no Heroku bean
 *   java -cp ... ...StartupApp manual --bench.url=http://127.0.0.1:PORT                  HerokuClient.builder() in a @Bean
 *   java -cp ... ...StartupApp lazy --bench.url=...                                      the same bean, @Lazy
 *   java -cp startup-app/target/classes:startup-app-starter/target/lib/* ...StartupApp none --heroku.enabled=false
 *                                                                                          the starter's classpath only
 *   java -cp startup-app/target/classes:startup-app-starter/target/lib/* ...StartupApp starter --bench.url=...
 *                                                                                          the starter's bean
 * </pre>
 * Prints {@code RESULT runMillis uptimeAtReadyMillis firstCallMillis} (firstCall -1 without a client bean): the
 * duration of {@code SpringApplication.run}, the JVM's uptime when it returned, and the first app info call of the
 * (blocking) {@code HerokuClient} bean, from asking the context for it: for the lazy variant this includes building
 * the client.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class StartupApp {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String mode = args[0];
        SpringApplication app = new SpringApplication(StartupApp.class);
        if (mode.equals("manual") || mode.equals("lazy")) {
            app.setAdditionalProfiles(mode);
        }
        ConfigurableApplicationContext ctx = app.run(args);
        long ready = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        double firstCall = -1;
        if (!mode.equals("none")) {
            long c0 = System.nanoTime(); // the lazy variant creates the client here
            HerokuClient heroku = ctx.getBeanProvider(HerokuClient.class).getIfAvailable();
            if (heroku == null) {
                throw new IllegalStateException("no HerokuClient bean in mode " + mode);
            }
            String name = heroku.app().appInfo("example").getName();
            firstCall = (System.nanoTime() - c0) / 1e6;
            if (!"example".equals(name)) {
                throw new IllegalStateException(name);
            }
        }
        System.out.println("RESULT " + (ready - t0) / 1e6 + " " + uptime + " " + firstCall);
        System.out.flush();
        ctx.close();
        System.exit(0);
    }

    /** The same bean, created when first asked for. */
    @Configuration(proxyBeanMethods = false)
    @Profile("lazy")
    static class LazyHeroku {
        @Bean
        @org.springframework.context.annotation.Lazy
        HerokuClient herokuClient(@Value("${bench.url}") String url, @Value("${bench.api-key}") String key) {
            return HerokuClient.builder().apiKey(key).baseUrl(url).build();
        }
    }

    /** The "by hand" variant: what an application without the starter writes. */
    @Configuration(proxyBeanMethods = false)
    @Profile("manual")
    static class ManualHeroku {
        @Bean
        HerokuClient herokuClient(@Value("${bench.url}") String url, @Value("${bench.api-key}") String key) {
            return HerokuClient.builder().apiKey(key).baseUrl(url).build();
        }
    }
}
