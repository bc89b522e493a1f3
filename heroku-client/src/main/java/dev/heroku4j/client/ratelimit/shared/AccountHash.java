package dev.heroku4j.client.ratelimit.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of an account's bucket: SHA-256 of the API key, so the store never holds the key. Two clients with the
 * same key share one bucket; different keys (accounts) never do.
 *
 * @param hex the first 128 bits of the digest, in hex (a Redis key part)
 * @param id  the first 64 bits of the digest (a PostgreSQL {@code BIGINT} key)
 */
public record AccountHash(String hex, long id) {

    public static AccountHash of(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return new AccountHash(HexFormat.of().formatHex(digest, 0, 16), ByteBuffer.wrap(digest).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
