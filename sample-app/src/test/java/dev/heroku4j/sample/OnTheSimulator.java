package dev.heroku4j.sample;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.heroku4j.simulator.junit.HerokuSimulatorExtension;

/**
 * A test of the sample against the simulator: one simulator (seeded "demo") for every test class of the JVM, so
 * Spring's context cache may keep an application that points at it; reset before each class, and by the tests that
 * change its state before each test.
 */
abstract class OnTheSimulator {

    @RegisterExtension
    static final HerokuSimulatorExtension heroku = HerokuSimulatorExtension.shared("sample-demo", b -> b.seed("demo"))
            .resetBeforeEachClass();

    @DynamicPropertySource
    static void herokuApi(DynamicPropertyRegistry registry) {
        registry.add("heroku.base-url", heroku::baseUrl);
        registry.add("heroku.api-key", () -> "test-key");
    }
}
