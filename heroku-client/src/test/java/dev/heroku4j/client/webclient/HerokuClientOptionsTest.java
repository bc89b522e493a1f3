package dev.heroku4j.client.webclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.retry.RetrySettings;
import org.junit.jupiter.api.Test;

class HerokuClientOptionsTest {

    @Test
    void defaults_whenBuilt_matchTheDocumentation() {
        HerokuClientOptions o = HerokuClientOptions.defaults();

        assertThat(o.baseUrl()).isEqualTo(URI.create("https://api.heroku.com"));
        assertThat(o.userAgent()).startsWith("heroku4j/");
        assertThat(o.defaultVariant()).isEqualTo("3");
        assertThat(o.timeouts()).isEqualTo(new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(o.retry()).isEqualTo(RetrySettings.DEFAULTS);
        assertThat(o.retry().maxRetries()).isEqualTo(3);
        assertThat(o.retry().maxTotalWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.governor()).isNull();
        assertThat(o.maxInMemorySize()).isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void toString_whenKeySet_neverShowsIt() {
        HerokuClientOptions o = HerokuClientOptions.builder().apiKey("hrku-very-secret-key").build();

        assertThat(o.toString()).doesNotContain("hrku-very-secret-key").contains("baseUrl=https://api.heroku.com");
        assertThat(o.apiKeys().get().toString()).doesNotContain("hrku-very-secret-key");
        assertThat(o.apiKeys().get().value()).isEqualTo("hrku-very-secret-key");
    }

    @Test
    void toBuilder_whenChanged_leavesOriginalUntouched() {
        HerokuClientOptions original = HerokuClientOptions.builder().baseUrl("http://127.0.0.1:1/").build();
        HerokuClientOptions changed = original.toBuilder().defaultVariant("3.sdk").build();

        assertThat(original.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(original.defaultVariant()).isEqualTo("3");
        assertThat(changed.defaultVariant()).isEqualTo("3.sdk");
        assertThat(changed.baseUrl()).isEqualTo(original.baseUrl());
    }

    @Test
    void builder_whenInvalidValues_failsClearly() {
        assertThatThrownBy(() -> HerokuClientOptions.builder().baseUrl("api.heroku.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme and host");
        assertThatThrownBy(() -> HerokuClientOptions.builder().defaultVariant("4"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HerokuClientOptions.builder().userAgent(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
