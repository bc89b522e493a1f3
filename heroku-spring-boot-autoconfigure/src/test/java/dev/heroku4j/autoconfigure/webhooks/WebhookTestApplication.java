package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

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

    /** Another state-changing endpoint, which Spring Security must still protect from cross-site posts. */
    @RestController
    static class Other {

        @PostMapping("/other")
        String other() {
            return "changed";
        }
    }
}
