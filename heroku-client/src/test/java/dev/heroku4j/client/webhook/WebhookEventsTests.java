package dev.heroku4j.client.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.heroku4j.client.model.Dyno;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.webhook.WebhookVerificationException.Reason;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEventsTests {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WebhookEventsTests.class.getResourceAsStream("/webhook/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void read_releaseEvent_givesTheEnvelopeAndTheReleaseModel() throws IOException {
        WebhookEvent event = WebhookEvents.read(fixture("release-update.json"));
        assertThat(event.entity()).isEqualTo("api:release");
        assertThat(event.action()).isEqualTo("update");
        assertThat(event.is("api:release", "update")).isTrue();
        assertThat(event.resource()).isEqualTo("release");
        assertThat(event.sequence()).isEqualTo("000000000012");
        assertThat(event.actor()).isEqualTo(new WebhookEvent.Actor("e1d2c3b4-a596-4877-8899-aabbccddeeff", "ops@example.com"));
        assertThat(event.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T10:15:07.480Z"));
        assertThat(event.metadata()).isEqualTo(new WebhookEvent.Metadata("d0000000-0000-4000-8000-000000000001",
                "a0000000-0000-4000-8000-000000000001", "6c1f3e9e-2d3a-4b7e-9a51-0e4c8f4d2a10",
                "w0000000-0000-4000-8000-000000000001"));
        assertThat(event.deliveryKey()).isEqualTo("d0000000-0000-4000-8000-000000000001");
        assertThat(event.status()).isEqualTo("succeeded");
        assertThat(event.previousDataJson().path("status").asString()).isEqualTo("pending");
        Release release = event.data(Release.class);
        assertThat(event.data()).isSameAs(release);
        assertThat(release.getVersion()).isEqualTo(42L);
        assertThat(release.getStatus()).isEqualTo(Release.StatusEnum.SUCCEEDED);
        assertThat(release.getApp().getName()).isEqualTo("shop");
        assertThat(release.unknownField("a_field_heroku_added_later").map(JsonNode::asString)).contains("kept");
    }

    @Test
    void read_formationAndDyno_giveTheirModels() {
        WebhookEvent formation = WebhookEvents.read(json("{\"action\":\"update\",\"resource\":\"formation\","
                + "\"data\":{\"type\":\"web\",\"quantity\":3}}"));
        assertThat(formation.entity()).isEqualTo("api:formation");
        assertThat(formation.data()).isInstanceOfSatisfying(Formation.class, f -> assertThat(f.getQuantity()).isEqualTo(3L));
        WebhookEvent dyno = WebhookEvents.read(json("{\"action\":\"create\",\"resource\":\"dyno\","
                + "\"data\":{\"name\":\"web.1\",\"state\":\"crashed\"}}"));
        assertThat(dyno.entity()).isEqualTo("dyno");
        assertThat(dyno.data(Dyno.class).getName()).isEqualTo("web.1");
        assertThat(dyno.status()).isEqualTo("crashed");
        assertThat(dyno.deliveryKey()).as("no ids at all").isNull();
    }

    @Test
    void read_unknownEntity_keepsTheJson() {
        WebhookEvent event = WebhookEvents.read(json("{\"id\":\"e1\",\"action\":\"create\",\"resource\":\"telemetry-drain\","
                + "\"data\":{\"id\":\"x\",\"signals\":[\"traces\"]}}"));
        assertThat(event.entity()).isEqualTo("api:telemetry-drain");
        assertThat(event.data()).isInstanceOf(JsonNode.class);
        assertThat(event.dataJson().at("/signals/0").asString()).isEqualTo("traces");
        assertThat(event.deliveryKey()).isEqualTo("e1");
        assertThat(event.previousDataJson().isEmpty()).isTrue();
    }

    @Test
    void read_notAnEvent_isMalformedWithoutQuotingTheBody() {
        for (String body : new String[] { "not json at all", "[1,2]", "{\"action\":\"create\"}",
                "{\"resource\":\"release\",\"data\":{}}", "{\"action\":\"create\",\"resource\":\"release\",\"data\":\"x\"}",
                "{\"action\":\"create\",\"resource\":\"release\",\"data\":{\"version\":\"not a number\"}}",
                "{\"action\":\"create\",\"resource\":\"release\",\"data\":{},\"published_at\":\"yesterday\"}",
                "{\"action\":\"create\",\"resource\":\"rel", "" }) {
            assertThatThrownBy(() -> WebhookEvents.read(json(body))).as(body)
                    .isInstanceOfSatisfying(WebhookVerificationException.class, ex -> {
                        assertThat(ex.reason()).isEqualTo(Reason.MALFORMED);
                        assertThat(ex.getMessage()).startsWith("Webhook body is not a Heroku event").doesNotContain("yesterday", "not a number");
                    });
        }
    }
}
