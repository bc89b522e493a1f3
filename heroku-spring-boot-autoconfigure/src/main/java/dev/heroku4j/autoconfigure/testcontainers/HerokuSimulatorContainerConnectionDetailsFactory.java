package dev.heroku4j.autoconfigure.testcontainers;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import dev.heroku4j.autoconfigure.HerokuConnectionDetails;
import dev.heroku4j.simulator.container.HerokuSimulatorContainer;

/**
 * {@link ContainerConnectionDetailsFactory} that makes {@link HerokuConnectionDetails} from a
 * {@link ServiceConnection @ServiceConnection} {@link HerokuSimulatorContainer}: the container's base URL and an API
 * key its simulator accepts, so a {@code @Testcontainers} test needs no {@code @DynamicPropertySource}. Registered in
 * {@code META-INF/spring.factories}; used only where spring-boot-testcontainers and heroku-simulator are on the
 * (test) classpath.
 */
class HerokuSimulatorContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<HerokuSimulatorContainer, HerokuConnectionDetails> {

    HerokuSimulatorContainerConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "dev.heroku4j.simulator.container.HerokuSimulatorContainer");
    }

    @Override
    protected HerokuConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<HerokuSimulatorContainer> source) {
        return new SimulatorConnectionDetails(source);
    }

    /** Read from the container when asked: it is started by then, and its mapped port known. */
    private static final class SimulatorConnectionDetails extends ContainerConnectionDetails<HerokuSimulatorContainer>
            implements HerokuConnectionDetails {

        private SimulatorConnectionDetails(ContainerConnectionSource<HerokuSimulatorContainer> source) {
            super(source);
        }

        @Override
        public String getBaseUrl() {
            return getContainer().baseUrl();
        }

        @Override
        public @Nullable String getApiKey() {
            return getContainer().apiKey();
        }

    }

}
