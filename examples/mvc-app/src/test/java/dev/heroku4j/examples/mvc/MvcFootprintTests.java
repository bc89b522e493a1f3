package dev.heroku4j.examples.mvc;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What this Spring MVC application ships: its runtime classpath as Maven resolves it (written by the build to
 * target/runtime.classpath; the tests' own classpath has Netty, which the simulator needs). The starter must bring no
 * Netty: the client runs on the JDK's HttpClient here.
 */
class MvcFootprintTests {

    @RegisterExtension
    static HerokuSimulatorExtension simulator = HerokuSimulatorExtension.with(b -> b.seed("demo"));

    @Test
    void runtimeClasspath_hasNoNettyJar() throws IOException {
        List<String> jars = runtimeClasspath();
        assertThat(jars).anyMatch((jar) -> jar.contains("heroku-client"));
        assertThat(jars).noneMatch((jar) -> jar.contains("/io/netty/") || jar.contains("netty-"));
    }

    @Test
    void runtimeClasspath_cannotLoadReactorNetty_andTheClientCallsOverTheJdkClient() throws Exception {
        try (URLClassLoader app = applicationClassLoader()) {
            assertThatThrownBy(() -> Class.forName("reactor.netty.http.client.HttpClient", false, app))
                .isInstanceOf(ClassNotFoundException.class);
            Class<?> connectors = Class.forName("dev.heroku4j.client.http.HttpConnectors", true, app);
            assertThat(connectors.getMethod("reactorNettyPresent").invoke(null)).isEqualTo(false);

            // a HerokuClient built in the application's own class loader, with its default connector, calls the simulator
            Object builder = Class.forName("dev.heroku4j.client.HerokuClient", true, app).getMethod("builder").invoke(null);
            builder.getClass().getMethod("apiKey", String.class).invoke(builder, "test-key");
            builder.getClass().getMethod("baseUrl", String.class).invoke(builder, simulator.baseUrl());
            Object client = builder.getClass().getMethod("build").invoke(builder);
            Object apps = client.getClass().getMethod("app").invoke(client);
            Object info = apps.getClass().getMethod("appInfo", String.class).invoke(apps, "demo-storefront");
            assertThat(info.getClass().getMethod("getName").invoke(info)).isEqualTo("demo-storefront");
        }
    }

    private static List<String> runtimeClasspath() throws IOException {
        Path file = Path.of("target", "runtime.classpath");
        assertThat(file).as("written by maven-dependency-plugin (pom.xml)").exists();
        return List.of(Files.readString(file).trim().split(java.io.File.pathSeparator));
    }

    /** The runtime jars and the application's classes, over the JDK only (no test classpath behind it). */
    private static URLClassLoader applicationClassLoader() throws IOException, MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of("target", "classes").toUri().toURL());
        for (String jar : runtimeClasspath()) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
