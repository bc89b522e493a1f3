package dev.heroku4j.examples.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC (Tomcat) application that does twelve everyday Heroku jobs with the blocking {@code HerokuClient} of
 * heroku-spring-boot-starter: see {@link HerokuJobs} and examples/README.md.
 */
@SpringBootApplication
public class MvcExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(MvcExampleApplication.class, args);
    }

}
