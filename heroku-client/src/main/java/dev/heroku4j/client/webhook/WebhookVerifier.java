package dev.heroku4j.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.heroku4j.client.webhook.WebhookVerificationException.Reason;

/**
 * Checks that a webhook delivery comes from Heroku: the {@value #SIGNATURE_HEADER} header is the base64 HMAC-SHA256
 * of the request body, exactly as received, under the webhook's secret. Verify the raw bytes before parsing them:
 * JSON parsed and written again is not the same bytes, and the signature of a re-serialised body does not match.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().secrets(List.of(current, previous)).build();
 * verifier.verify(body, request.getHeader(WebhookVerifier.SIGNATURE_HEADER), request.getHeader("Authorization"));
 * }</pre>
 *
 * Several secrets are accepted at once, so a secret can be rotated: add the new one, update the webhook, then drop
 * the old one. Signatures are compared in constant time ({@link MessageDigest#isEqual}) against every secret, so the
 * time taken tells nothing about which secret or how many bytes matched. Thread-safe.
 */
public final class WebhookVerifier {

    /** The header carrying the signature. */
    public static final String SIGNATURE_HEADER = "Heroku-Webhook-Hmac-SHA256";

    /** Default {@link Builder#maxBodyBytes}: 1 MiB, far above any Heroku event (a few KiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private static final String HMAC = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    private final byte @Nullable [] authorization;

    private final int maxBodyBytes;

    private WebhookVerifier(Builder builder) {
        this.keys = builder.secrets.stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC))
                .toList();
        this.authorization = builder.authorization == null ? null
                : builder.authorization.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = builder.maxBodyBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The largest body {@link #verify} accepts; a receiver should stop reading after this many bytes. */
    public int maxBodyBytes() {
        return this.maxBodyBytes;
    }

    /**
     * Checks one delivery.
     *
     * @param body the request body exactly as received
     * @param signature the {@value #SIGNATURE_HEADER} header, or {@code null} when absent
     * @param authorization the {@code Authorization} header, or {@code null}; checked only when the verifier was
     *        given the value registered with the webhook
     * @throws WebhookVerificationException when a check fails
     */
    public void verify(byte[] body, @Nullable String signature, @Nullable String authorization) {
        Objects.requireNonNull(body, "body");
        if (body.length > this.maxBodyBytes) {
            throw new WebhookVerificationException(Reason.TOO_LARGE,
                    "Webhook body of " + body.length + " bytes is larger than the " + this.maxBodyBytes + " accepted");
        }
        if (this.authorization != null && (authorization == null
                || !MessageDigest.isEqual(this.authorization, authorization.getBytes(StandardCharsets.UTF_8)))) {
            throw new WebhookVerificationException(Reason.WRONG_AUTHORIZATION,
                    "Webhook Authorization header is " + (authorization == null ? "missing" : "not the registered one"));
        }
        if (signature == null || signature.isBlank()) {
            throw new WebhookVerificationException(Reason.MISSING_SIGNATURE,
                    "Webhook delivery has no " + SIGNATURE_HEADER + " header");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new WebhookVerificationException(Reason.WRONG_SIGNATURE,
                    "Webhook " + SIGNATURE_HEADER + " header is not base64");
        }
        boolean matched = false;
        for (SecretKeySpec key : this.keys) {
            // every secret is tried, whatever matched before, so the time does not depend on which one matches
            matched |= MessageDigest.isEqual(hmac(key, body), given);
        }
        if (!matched) {
            throw new WebhookVerificationException(Reason.WRONG_SIGNATURE,
                    "Webhook signature matches none of the " + this.keys.size() + " configured secret(s)");
        }
    }

    /** The value of {@value #SIGNATURE_HEADER} for a body under a secret: what Heroku sends (for tests, senders). */
    public static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(
                hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC), body));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
        }
    }

    /** Settings of a {@link WebhookVerifier}; at least one secret is required. */
    public static final class Builder {

        private final List<String> secrets = new ArrayList<>();

        private @Nullable String authorization;

        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /** Adds a secret a delivery may be signed with. */
        public Builder secret(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isBlank()) {
                throw new IllegalArgumentException("A webhook secret must not be empty or blank");
            }
            this.secrets.add(secret);
            return this;
        }

        /** Adds every secret of the list (rotation: the new one and the one being retired). */
        public Builder secrets(List<String> secrets) {
            secrets.forEach(this::secret);
            return this;
        }

        /** The {@code authorization} value registered with the webhook; deliveries must then carry it. */
        public Builder authorization(@Nullable String authorization) {
            this.authorization = authorization == null || authorization.isBlank() ? null : authorization;
            return this;
        }

        /** The largest body accepted, in bytes; default 1 MiB. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public WebhookVerifier build() {
            if (this.secrets.isEmpty()) {
                throw new IllegalArgumentException("A webhook verifier needs at least one secret");
            }
            return new WebhookVerifier(this);
        }
    }
}
