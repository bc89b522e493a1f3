package dev.heroku4j.autoconfigure.webhooks;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code heroku.webhooks.*}: the endpoint that receives Heroku's app webhook deliveries. It exists only when
 * {@code heroku.webhooks.secret} is set.
 */
@ConfigurationProperties("heroku.webhooks")
public class HerokuWebhookProperties {

    /**
     * Secrets a delivery may be signed with (the secret given to Heroku when registering the webhook). Several,
     * comma-separated, while rotating: the new one and the one being retired. Setting it turns the endpoint on.
     */
    private List<String> secret = new ArrayList<>();

    /** Path of the endpoint (POST only), matched exactly. */
    private String path = "/heroku/webhooks";

    /**
     * The 'authorization' value registered with the webhook; when set, deliveries must carry it in their
     * Authorization header.
     */
    private @Nullable String authorization;

    /** Largest delivery body accepted; a larger one is answered 413 without being read further. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    /** Delivery ids remembered to recognise Heroku's retries (the latest ones; older ones are forgotten). */
    private int duplicateWindow = 10_000;

    public List<String> getSecret() {
        return this.secret;
    }

    public void setSecret(List<String> secret) {
        this.secret = secret;
    }

    public String getPath() {
        return this.path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public @Nullable String getAuthorization() {
        return this.authorization;
    }

    public void setAuthorization(@Nullable String authorization) {
        this.authorization = authorization;
    }

    public DataSize getMaxBodySize() {
        return this.maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getDuplicateWindow() {
        return this.duplicateWindow;
    }

    public void setDuplicateWindow(int duplicateWindow) {
        this.duplicateWindow = duplicateWindow;
    }

    @Override
    public String toString() {
        return "HerokuWebhookProperties[path=" + this.path + ", secrets=" + this.secret.size() + "]";
    }
}
