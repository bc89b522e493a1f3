package dev.heroku4j.autoconfigure.webhooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.heroku4j.autoconfigure.WithoutSecurity;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.AppWebhookCreateOpts;
import dev.heroku4j.client.model.AppWebhookDelivery;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.webhook.WebhookEvent;
import dev.heroku4j.client.webhook.ReactiveWebhookRegistrar;
import dev.heroku4j.client.webhook.WebhookRegistrar;
import dev.heroku4j.client.webhook.WebhookVerifier;
import dev.heroku4j.simulator.HerokuSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint's behaviour on a real server, the same for each web stack (a subclass per stack): what it
 * answers to valid and hostile deliveries, what the listeners get, and the whole way from a registration on the
 * simulator to a typed event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookEndpointContract {

    static final String SECRET = "current-secret";

    static final String RETIRED = "retired-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HerokuSimulator sim;

    ConfigurableApplicationContext context;

    private WebhookRecorder recorder;

    String endpoint;

    abstract WebApplicationType stack();

    /** Without Spring Security's auto-configuration, which is on the test classpath for the secured subclasses. */
    String[] securityProperties() {
        return new String[] { WithoutSecurity.PROPERTY };
    }

    /** Registers the webhook through the registrar of the stack's own client. */
    WebhookRegistrar.Registration register(String app, String url, List<String> include, String secret) {
        if (stack() == WebApplicationType.REACTIVE) {
            return new ReactiveWebhookRegistrar(this.context.getBean(ReactiveHerokuClient.class))
                    .register(app, url, include, AppWebhookCreateOpts.LevelEnum.SYNC, secret, null).block();
        }
        return new WebhookRegistrar(this.context.getBean(HerokuClient.class))
                .register(app, url, include, AppWebhookCreateOpts.LevelEnum.SYNC, secret, null);
    }

    @BeforeAll
    void start() {
        this.sim = HerokuSimulator.builder().seed("demo").webhookRetries(3, Duration.ofMillis(50)).start();
        this.context = new SpringApplicationBuilder(WebhookTestApplication.class).web(stack())
                .properties("server.port=0", "server.address=127.0.0.1", "heroku.api-key=test",
                        "heroku.base-url=" + this.sim.baseUrl(), "heroku.webhooks.secret=" + SECRET + "," + RETIRED,
                        "heroku.webhooks.max-body-size=8KB")
                .properties(securityProperties())
                .run();
        int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
        this.endpoint = "http://127.0.0.1:" + port + "/heroku/webhooks";
        this.recorder = this.context.getBean(WebhookRecorder.class);
    }

    @AfterAll
    void stop() {
        this.context.close();
        this.sim.close();
    }

    @BeforeEach
    void clear() {
        this.recorder.clear();
    }

    // ------------------------------------------------------------------ valid deliveries

    @Test
    void signedDelivery_is204AndPublishedTyped() throws Exception {
        byte[] body = event(UUID.randomUUID(), "release", "update", "{\"version\": 7, \"status\": \"succeeded\"}", "1");
        assertThat(post(body, sign(body, SECRET)).statusCode()).isEqualTo(204);
        WebhookEvent event = this.recorder.next();
        assertThat(event.entity()).isEqualTo("api:release");
        assertThat(event.data(Release.class).getVersion()).isEqualTo(7L);
        assertThat(this.recorder.succeededReleases).extracting(Release::getVersion).containsExactly(7L);
        assertThat(this.recorder.formations).isEmpty();
    }

    @Test
    void retiredSecret_stillAccepted() throws Exception {
        byte[] body = event(UUID.randomUUID(), "release", "create", "{\"version\": 8, \"status\": \"pending\"}", "2");
        assertThat(post(body, sign(body, RETIRED)).statusCode()).isEqualTo(204);
        assertThat(this.recorder.next().action()).isEqualTo("create");
        assertThat(this.recorder.succeededReleases).as("filtered by status").isEmpty();
    }

    @Test
    void handlerInterface_getsOnlyItsEntity() throws Exception {
        byte[] dyno = event(UUID.randomUUID(), "dyno", "create", "{\"name\": \"web.1\", \"state\": \"crashed\"}", "3");
        byte[] release = event(UUID.randomUUID(), "release", "create", "{\"version\": 9}", "4");
        assertThat(post(dyno, sign(dyno, SECRET)).statusCode()).isEqualTo(204);
        assertThat(post(release, sign(release, SECRET)).statusCode()).isEqualTo(204);
        this.recorder.next();
        this.recorder.next();
        assertThat(this.recorder.dynoEvents).extracting(WebhookEvent::status).containsExactly("crashed");
    }

    // ------------------------------------------------------------------ hostile input

    @Test
    void replayedDelivery_is204ButHandedOverOnce() throws Exception {
        double duplicated = count("duplicated");
        byte[] body = event(UUID.randomUUID(), "release", "update", "{\"version\": 10}", "5");
        assertThat(post(body, sign(body, SECRET)).statusCode()).isEqualTo(204);
        assertThat(post(body, sign(body, SECRET)).statusCode()).isEqualTo(204);
        this.recorder.next();
        assertThat(this.recorder.all.poll(300, TimeUnit.MILLISECONDS)).as("the replay is not handed over").isNull();
        assertThat(count("duplicated")).isEqualTo(duplicated + 1);
    }

    @Test
    void reorderedDeliveries_areEachHandedOverOnceWithTheirSequence() throws Exception {
        byte[] later = event(UUID.randomUUID(), "formation", "update", "{\"type\": \"web\", \"quantity\": 3}", "0000000021");
        byte[] earlier = event(UUID.randomUUID(), "formation", "update", "{\"type\": \"web\", \"quantity\": 2}", "0000000020");
        assertThat(post(later, sign(later, SECRET)).statusCode()).isEqualTo(204);
        assertThat(post(earlier, sign(earlier, SECRET)).statusCode()).isEqualTo(204);
        List<WebhookEvent> received = List.of(this.recorder.next(), this.recorder.next());
        assertThat(received).extracting(WebhookEvent::sequence).containsExactly("0000000021", "0000000020");
        assertThat(received.stream().max((a, b) -> a.sequence().compareTo(b.sequence())).orElseThrow()
                .data(Formation.class).getQuantity()).as("the newest by sequence").isEqualTo(3L);
    }

    @Test
    void missingOrWrongSignature_is401WithoutDetail() throws Exception {
        double rejected = count("rejected");
        byte[] body = event(UUID.randomUUID(), "release", "update", "{}", "6");
        byte[] other = event(UUID.randomUUID(), "release", "update", "{\"version\": 1}", "6");
        for (HttpResponse<String> response : List.of(post(body, null), post(body, sign(body, "not-the-secret")),
                post(body, sign(other, SECRET)), post(body, "!!not-base64!!"),
                post(Arrays.copyOf(body, body.length / 2), sign(body, SECRET)))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEmpty();
        }
        assertThat(count("rejected")).isEqualTo(rejected + 5);
        assertThat(this.recorder.all).isEmpty();
    }

    @Test
    void oversizedDelivery_is413_byLengthAndByChunks() throws Exception {
        byte[] big = event(UUID.randomUUID(), "release", "update", "{\"description\": \"" + "x".repeat(9000) + "\"}", "7");
        assertThat(post(big, sign(big, SECRET)).statusCode()).isEqualTo(413);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(this.endpoint))
                .header("Content-Type", "application/json").header(WebhookVerifier.SIGNATURE_HEADER, sign(big, SECRET))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertThat(HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        assertThat(this.recorder.all).isEmpty();
    }

    @Test
    void signedButNotAnEvent_is400() throws Exception {
        for (String text : List.of("this is not json", "[]", "{\"action\": \"create\"}", "")) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            assertThat(post(body, sign(body, SECRET)).statusCode()).as(text).isEqualTo(400);
        }
        assertThat(this.recorder.all).isEmpty();
    }

    @Test
    void wrongContentType_is415() throws Exception {
        byte[] body = event(UUID.randomUUID(), "release", "update", "{}", "8");
        assertThat(send(body, sign(body, SECRET), "text/plain").statusCode()).isEqualTo(415);
        assertThat(send(body, sign(body, SECRET), null).statusCode()).isEqualTo(415);
        assertThat(this.recorder.all).isEmpty();
    }

    @Test
    void otherMethods_are405() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.endpoint)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void failingListener_is500_andTheRetryIsHandedOver() throws Exception {
        double accepted = count("accepted");
        this.recorder.failNext.set(1);
        byte[] body = event(UUID.randomUUID(), "release", "update", "{\"version\": 11}", "9");
        assertThat(post(body, sign(body, SECRET)).statusCode()).isEqualTo(500);
        assertThat(post(body, sign(body, SECRET)).statusCode()).isEqualTo(204);
        assertThat(this.recorder.next().data(Release.class).getVersion()).isEqualTo(11L);
        assertThat(count("accepted")).isEqualTo(accepted + 1);
    }

    // ------------------------------------------------------------------ end to end with the simulator

    @Test
    void registeredOnTheSimulator_aScaledFormationArrivesTypedOnce() throws Exception {
        HerokuClient heroku = this.context.getBean(HerokuClient.class);
        WebhookRegistrar.Registration registration = register("demo-inventory-api", this.endpoint,
                List.of("api:formation"), SECRET);
        assertThat(register("demo-inventory-api", this.endpoint, List.of("api:formation"), SECRET).created())
                .as("registered again by URL: updated, not a second webhook").isFalse();
        try {
            heroku.formation().formationUpdate("demo-inventory-api", "web", new FormationUpdateOpts().quantity(4));
            WebhookEvent event = this.recorder.next();
            assertThat(event.is("api:formation", "update")).isTrue();
            Formation formation = event.data(Formation.class);
            assertThat(formation.getQuantity()).isEqualTo(4L);
            assertThat(formation.getApp().getName()).isEqualTo("demo-inventory-api");
            assertThat(event.metadata().webhookId()).isEqualTo(registration.webhook().getId().toString());
            assertThat(this.recorder.formations).hasSize(1);
            assertThat(this.recorder.all.poll(500, TimeUnit.MILLISECONDS)).as("once").isNull();
            List<AppWebhookDelivery> deliveries = heroku.appWebhookDelivery().appWebhookDeliveryList("demo-inventory-api").toList();
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).getStatusAsString()).isEqualTo("succeeded");
            assertThat(deliveries.get(0).getNumAttempts()).isEqualTo(1L);
        }
        finally {
            heroku.appWebhook().appWebhookDelete("demo-inventory-api", registration.webhook().getId());
        }
    }

    // ------------------------------------------------------------------ helpers

    private double count(String outcome) {
        return this.context.getBean(MeterRegistry.class).counter(MicrometerHerokuWebhookMetrics.NAME, "outcome", outcome)
                .count();
    }

    HttpResponse<String> post(byte[] body, String signature) throws IOException, InterruptedException {
        return send(body, signature, "application/json");
    }

    private HttpResponse<String> send(byte[] body, String signature, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.endpoint)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (signature != null) {
            request.header(WebhookVerifier.SIGNATURE_HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(byte[] body, String secret) {
        return WebhookVerifier.sign(body, secret);
    }

    /** A delivery as Heroku writes it, with a fresh delivery id; pretty-printed, so re-serialising would not match. */
    static byte[] event(UUID delivery, String resource, String action, String data, String sequence) {
        String entity = "dyno".equals(resource) ? "dyno" : "api:" + resource;
        return ("{\n  \"id\": \"" + UUID.randomUUID() + "\",\n  \"action\": \"" + action + "\",\n  \"resource\": \""
                + resource + "\",\n  \"sequence\": \"" + sequence + "\",\n  \"published_at\": \"2026-11-30T10:00:00Z\",\n"
                + "  \"data\": " + data + ",\n  \"previous_data\": {},\n  \"webhook_metadata\": {\"delivery\": {\"id\": \""
                + delivery + "\"}, \"attempt\": {\"id\": \"" + UUID.randomUUID() + "\"}, \"event\": {\"include\": \""
                + entity + "\"}}\n}").getBytes(StandardCharsets.UTF_8);
    }
}
