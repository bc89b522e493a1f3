package dev.heroku4j.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.heroku4j.client.webhook.WebhookVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's webhook endpoint inside the sample's Spring Security: a signed delivery needs no CSRF token (the
 * signature is its proof), an unsigned one is 401, and every other state change still needs the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "heroku.webhooks.secret=" + WebhookReceiverTests.SECRET)
class WebhookReceiverTests extends OnTheSimulator {

    static final String SECRET = "sample-test-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    WebhookFeed feed;

    private HttpResponse<String> post(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookVerifier.SIGNATURE_HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signedDelivery_withoutCsrfToken_isAcceptedAndShownInTheFeed() throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = ("{\"action\": \"update\", \"resource\": \"formation\", \"data\": {\"type\": \"web\", \"quantity\": 5,"
                + " \"app\": {\"name\": \"demo-storefront\"}}, \"webhook_metadata\": {\"delivery\": {\"id\": \"" + delivery
                + "\"}}}").getBytes(StandardCharsets.UTF_8);
        assertThat(post("/heroku/webhooks", body, WebhookVerifier.sign(body, SECRET)).statusCode()).isEqualTo(204);
        assertThat(this.feed.latest().get(0)).isEqualTo(new WebhookFeed.Item(delivery, "api:formation", "update",
                "demo-storefront", "web × 5", null));
        assertThat(this.feed.latest()).hasSize(1);
    }

    @Test
    void unsignedDelivery_is401_andOtherPostsStillNeedTheCsrfToken() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(post("/heroku/webhooks", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/apps/demo-storefront/restart", body, null).statusCode()).isEqualTo(403);
    }

}
