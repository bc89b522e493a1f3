package dev.heroku4j.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the sample: {@code mvn -B -pl sample-app -am spring-boot:run}, then open http://localhost:8080/.
 * Without a Heroku API key it talks to the built-in simulator ({@link EmbeddedSimulatorFallback}).
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

}
