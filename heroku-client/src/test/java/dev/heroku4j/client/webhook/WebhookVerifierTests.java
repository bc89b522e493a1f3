package dev.heroku4j.client.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.heroku4j.client.webhook.WebhookVerificationException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookVerifierTests {

    private static final String SECRET = "7f3c-secret-value";

    private static final byte[] BODY = "{\"action\":\"update\",  \"data\":{\"v\":1}}".getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).build();

    @Test
    void sign_matchesRfc4231TestCase2() {
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        // HMAC-SHA256 5bdcc146...64ec3843 (RFC 4231, 4.3), base64-encoded
        assertThat(WebhookVerifier.sign(data, "Jefe")).isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
        assertThatCode(() -> WebhookVerifier.builder().secret("Jefe").build()
                .verify(data, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=", null)).doesNotThrowAnyException();
    }

    @Test
    void verify_whenSignedExactBytes_passes() {
        assertThatCode(() -> this.verifier.verify(BODY, WebhookVerifier.sign(BODY, SECRET), null))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_whenBodyReserialised_fails() {
        // the same JSON without the extra space: what a receiver that parses before verifying would hash
        byte[] compact = "{\"action\":\"update\",\"data\":{\"v\":1}}".getBytes(StandardCharsets.UTF_8);
        assertReason(() -> this.verifier.verify(compact, WebhookVerifier.sign(BODY, SECRET), null),
                Reason.WRONG_SIGNATURE);
    }

    @Test
    void verify_whenTruncated_fails() {
        byte[] half = Arrays.copyOf(BODY, BODY.length / 2);
        assertReason(() -> this.verifier.verify(half, WebhookVerifier.sign(BODY, SECRET), null), Reason.WRONG_SIGNATURE);
    }

    @Test
    void verify_whenSignedWithAnotherSecret_fails() {
        assertReason(() -> this.verifier.verify(BODY, WebhookVerifier.sign(BODY, "other"), null), Reason.WRONG_SIGNATURE);
    }

    @Test
    void verify_whenSignatureMissingBlankOrNotBase64_fails() {
        assertReason(() -> this.verifier.verify(BODY, null, null), Reason.MISSING_SIGNATURE);
        assertReason(() -> this.verifier.verify(BODY, " ", null), Reason.MISSING_SIGNATURE);
        assertReason(() -> this.verifier.verify(BODY, "not base64 !", null), Reason.WRONG_SIGNATURE);
    }

    @Test
    void verify_whenSecretsRotate_acceptsEach() {
        WebhookVerifier rotating = WebhookVerifier.builder().secrets(List.of("new-one", SECRET)).build();
        assertThatCode(() -> rotating.verify(BODY, WebhookVerifier.sign(BODY, SECRET), null)).doesNotThrowAnyException();
        assertThatCode(() -> rotating.verify(BODY, WebhookVerifier.sign(BODY, "new-one"), null)).doesNotThrowAnyException();
        assertReason(() -> rotating.verify(BODY, WebhookVerifier.sign(BODY, "retired"), null), Reason.WRONG_SIGNATURE);
    }

    @Test
    void verify_whenAuthorizationConfigured_requiresIt() {
        WebhookVerifier withAuth = WebhookVerifier.builder().secret(SECRET).authorization("Bearer abc").build();
        String signature = WebhookVerifier.sign(BODY, SECRET);
        assertThatCode(() -> withAuth.verify(BODY, signature, "Bearer abc")).doesNotThrowAnyException();
        assertReason(() -> withAuth.verify(BODY, signature, null), Reason.WRONG_AUTHORIZATION);
        assertReason(() -> withAuth.verify(BODY, signature, "Bearer abd"), Reason.WRONG_AUTHORIZATION);
    }

    @Test
    void verify_whenLargerThanTheLimit_failsBeforeHashing() {
        WebhookVerifier small = WebhookVerifier.builder().secret(SECRET).maxBodyBytes(16).build();
        assertReason(() -> small.verify(BODY, WebhookVerifier.sign(BODY, SECRET), null), Reason.TOO_LARGE);
        assertThat(small.maxBodyBytes()).isEqualTo(16);
    }

    @Test
    void failures_neverEchoSecretSignatureOrBody() {
        String signature = WebhookVerifier.sign(BODY, "other");
        for (Runnable call : List.<Runnable>of(() -> this.verifier.verify(BODY, signature, null),
                () -> this.verifier.verify(BODY, null, null),
                () -> WebhookVerifier.builder().secret(SECRET).authorization("Bearer abc").build()
                        .verify(BODY, signature, "Bearer wrong"))) {
            assertThatThrownBy(call::run).isInstanceOf(WebhookVerificationException.class)
                    .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(SECRET, signature, "update", "abc", "wrong"));
        }
    }

    @Test
    void builder_refusesNoOrBlankSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().build())
                .withMessageContaining("at least one secret");
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().secret(" "))
                .withMessageContaining("empty or blank");
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().maxBodyBytes(0));
    }

    private static void assertReason(Runnable call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WebhookVerificationException.class,
                ex -> assertThat(ex.reason()).isEqualTo(reason));
    }
}
