package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A whole application, the web stack chosen by the test that starts it. */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebhookTestApplication {

    @Bean
    WebhookRecorder webhookRecorder() {
        return new WebhookRecorder();
    }

    @Bean
    HerokuWebhookHandler dynoHandler(WebhookRecorder recorder) {
        return recorder.new Dynos();
    }
}
