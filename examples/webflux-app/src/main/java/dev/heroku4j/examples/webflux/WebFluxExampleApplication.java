package dev.heroku4j.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring WebFlux (Reactor Netty) application that does twelve everyday Heroku jobs with the {@code ReactiveHerokuClient} of
 * heroku-spring-boot-starter: see {@link HerokuJobs} and examples/README.md.
 */
@SpringBootApplication
public class WebFluxExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebFluxExampleApplication.class, args);
    }

}
