package dev.heroku4j.sample;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where the sample listens, unless {@code server.address} says otherwise: on {@code 127.0.0.1} by default, so a
 * laptop's sample with a real API key is not reachable from the network; on every interface ({@code 0.0.0.0}) when the
 * platform gives a {@code PORT}, as Heroku does, because its router reaches the dyno from outside. {@link SampleSecurity}
 * then requires a login, as it does for any address but loopback. {@code server.port} is {@code ${PORT:8080}} in
 * application.yml.
 *
 * <p>The default goes in as the last property source, so {@code server.address} set anywhere (command line,
 * environment, application.yml) wins. Registered in {@code META-INF/spring.factories}.
 */
public final class PlatformBinding implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "samplePlatformBinding";
    static final String LOOPBACK = "127.0.0.1";
    static final String ALL_INTERFACES = "0.0.0.0";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("PORT");
        String address = (port == null || port.isBlank()) ? LOOPBACK : ALL_INTERFACES;
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
                Map.of("server.address", address)));
    }

    /** After config data (application.yml), so the source really is the last one. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
