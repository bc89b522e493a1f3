package dev.heroku4j.autoconfigure;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuConfig;

import static org.assertj.core.api.Assertions.assertThat;

class HerokuConnectionDetailsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WebClientAutoConfiguration.class, HerokuClientAutoConfiguration.class));

    @Test
    void connectionDetails_whenNoBean_comeFromTheProperties() {
        this.runner.withPropertyValues("heroku.api-key=from-properties-key", "heroku.base-url=http://127.0.0.1:7001")
            .run((context) -> {
                HerokuConnectionDetails details = context.getBean(HerokuConnectionDetails.class);
                assertThat(details).isInstanceOf(PropertiesHerokuConnectionDetails.class);
                assertThat(details.getBaseUrl()).isEqualTo("http://127.0.0.1:7001");
                HerokuConfig config = context.getBean(HerokuClient.class).config();
                assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:7001"));
                assertThat(config.apiKeys().get().value()).isEqualTo("from-properties-key");
            });
    }

    @Test
    void connectionDetailsBean_winsOverTheProperties() {
        this.runner.withPropertyValues("heroku.api-key=from-properties-key", "heroku.base-url=http://127.0.0.1:7001")
            .withBean(HerokuConnectionDetails.class, () -> new HerokuConnectionDetails() {
                @Override
                public String getBaseUrl() {
                    return "http://127.0.0.1:7002";
                }

                @Override
                public String getApiKey() {
                    return "from-details-key";
                }
            })
            .run((context) -> {
                assertThat(context).hasSingleBean(HerokuConnectionDetails.class)
                    .doesNotHaveBean(PropertiesHerokuConnectionDetails.class);
                HerokuConfig config = context.getBean(HerokuClient.class).config();
                assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:7002"));
                assertThat(config.apiKeys().get().value()).isEqualTo("from-details-key");
            });
    }

}
