package dev.heroku4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.ratelimit.ThrottleFactory;
import dev.heroku4j.client.ratelimit.ThrottlePolicy;
import dev.heroku4j.client.retry.RetrySettings;

/** The one builder: its defaults, what it refuses, and that what it makes is immutable. */
class HerokuClientBuilderTest {

    @Test
    void defaults_matchTheDocumentation() {
        HerokuConfig c = HerokuConfig.builder().build();

        assertThat(c.baseUrl()).isEqualTo(URI.create("https://api.heroku.com"));
        assertThat(c.userAgent()).startsWith("heroku4j/");
        assertThat(c.timeouts()).isEqualTo(new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(c.callTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.retry()).isEqualTo(RetrySettings.DEFAULTS);
        assertThat(c.retry().maxRetries()).isEqualTo(3);
        assertThat(c.retry().maxTotalWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.throttle()).isEqualTo(ThrottleFactory.local(ThrottlePolicy.DEFAULTS));   // on by default
        assertThat(HerokuConfig.builder().rateLimitThrottle(false).build().throttle()).isNull();
        assertThat(HerokuConfig.builder().rateLimitThrottle(false).rateLimitThrottle(true).build().throttle())
                .isEqualTo(c.throttle());
        assertThat(c.toString()).contains("throttle=Local[policy=ThrottlePolicy[threshold=100");
        assertThat(c.rateLimitTracker()).isNull();
        assertThat(c.rateLimitListeners()).isEmpty();
        assertThat(c.maxInMemorySize()).isEqualTo(16 * 1024 * 1024);
        assertThat(c.jsonMapper()).isNull();
        assertThat(c.webClientBuilder()).isNull();
        assertThat(c.connector()).isNull();
        assertThat(c.streamConnector()).isNull();
    }

    @Test
    void eachEntryPoint_buildsWhatItNames_fromTheSameSettings() {
        HerokuClient blocking = HerokuClient.builder().apiKey("k").baseUrl("http://127.0.0.1:1").build();
        ReactiveHerokuClient reactive = ReactiveHerokuClient.builder().apiKey("k").baseUrl("http://127.0.0.1:1").build();
        HerokuConfig config = HerokuConfig.builder().apiKey("k").baseUrl("http://127.0.0.1:1").build();

        assertThat(blocking.config().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(reactive.config().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(HerokuClient.create(config).config()).isSameAs(config);
        assertThat(ReactiveHerokuClient.create(config).config()).isSameAs(config);
        assertThat(HerokuClient.create(config)).isNotSameAs(HerokuClient.create(config));
    }

    @Test
    void baseUrl_losesItsTrailingSlash_andKeepsAPathPrefix() {
        assertThat(HerokuConfig.builder().baseUrl("http://127.0.0.1:1/").build().baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(HerokuConfig.builder().baseUrl(" https://proxy.example.com/heroku/ ").build().baseUrl())
                .isEqualTo(URI.create("https://proxy.example.com/heroku"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://api.heroku.com", "api.heroku.com", "https://", "mailto:ops@example.com",
            "file:///etc/passwd"})
    void baseUrl_whenNotAnHttpUrlWithAHost_isRefusedNamingTheSetting(String bad) {
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void baseUrl_whenRefused_saysWhatItWas() {
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl("not a url")).hasMessageContaining("'not a url'");
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl("ftp://api.heroku.com"))
                .hasMessageContaining("http or https").hasMessageContaining("ftp://api.heroku.com");
        assertThatThrownBy(() -> HerokuClient.builder().baseUrl((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void userAgent_whenBlank_isRefusedNamingTheSetting(String blank) {
        assertThatThrownBy(() -> HerokuClient.builder().userAgent(blank))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgent");
    }

    @Test
    void timeouts_whenZeroOrNegative_areRefusedNamingTheSetting() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-30)}) {
            assertRefused("connectTimeout", b -> b.connectTimeout(bad));
            assertRefused("responseTimeout", b -> b.responseTimeout(bad));
            assertRefused("callTimeout", b -> b.callTimeout(bad));
        }
        assertThatThrownBy(() -> HerokuClient.builder().callTimeout(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("callTimeout");
    }

    @Test
    void otherBadValues_areRefusedNamingTheSetting() {
        assertRefused("maxInMemorySize", b -> b.maxInMemorySize(0));
        assertRefused("maxInMemorySize", b -> b.maxInMemorySize(-1));
        assertThatThrownBy(() -> HerokuClient.builder().retry(null)).hasMessageContaining("retry");
        assertThatThrownBy(() -> HerokuClient.builder().rateLimitListener(null)).hasMessageContaining("rateLimitListener");
        assertThatThrownBy(() -> HerokuClient.builder().apiKeyResolver(null)).hasMessageContaining("apiKeyResolver");
    }

    private static void assertRefused(String setting, Function<HerokuClientBuilder<HerokuClient>, ?> change) {
        assertThatThrownBy(() -> change.apply(HerokuClient.builder()))
                .as(setting).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(setting);
    }

    @Test
    void toString_whenKeySet_neverShowsIt() {
        HerokuConfig c = HerokuConfig.builder().apiKey("hrku-very-secret-key").build();

        assertThat(c.toString()).doesNotContain("hrku-very-secret-key").contains("baseUrl=https://api.heroku.com");
        assertThat(c.apiKeys().toString()).doesNotContain("hrku-very-secret-key");
        assertThat(c.apiKeys().get().toString()).doesNotContain("hrku-very-secret-key");
        assertThat(c.apiKeys().get().value()).isEqualTo("hrku-very-secret-key");
        assertThat(HerokuClient.create(c).toString()).doesNotContain("hrku-very-secret-key");
        assertThat(ReactiveHerokuClient.create(c).toString()).doesNotContain("hrku-very-secret-key");
    }

    @Test
    void from_copiesEverySetting_andChangingTheCopyLeavesTheOriginalUntouched() {
        HerokuConfig original = HerokuConfig.builder().apiKey("k").baseUrl("http://127.0.0.1:1/")
                .userAgent("ua/1").connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(4)).retry(RetrySettings.disabled())
                .rateLimitThrottle(ThrottlePolicy.DEFAULTS).rateLimitListener(s -> { }).maxInMemorySize(1234)
                .build();

        HerokuConfig copy = HerokuConfig.builder().from(original).build();
        HerokuConfig changed = HerokuConfig.builder().from(original).userAgent("ua/2").callTimeout(Duration.ofSeconds(9))
                .rateLimitListener(s -> { }).build();

        assertThat(copy).isEqualTo(original);
        assertThat(original.userAgent()).isEqualTo("ua/1");
        assertThat(original.callTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(original.rateLimitListeners()).hasSize(1);
        assertThat(changed.userAgent()).isEqualTo("ua/2");
        assertThat(changed.rateLimitListeners()).hasSize(2);
        assertThat(changed.baseUrl()).isEqualTo(original.baseUrl());
        assertThat(changed.apiKeys()).isSameAs(original.apiKeys());
        assertThatThrownBy(() -> original.rateLimitListeners().add(s -> { }))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilder_canMakeSeveralClients_eachWithTheSettingsOfItsTime() {
        HerokuClientBuilder<HerokuClient> builder = HerokuClient.builder().apiKey("k").userAgent("first/1");
        HerokuClient first = builder.build();
        HerokuClient second = builder.userAgent("second/2").build();

        assertThat(first.config().userAgent()).isEqualTo("first/1");
        assertThat(second.config().userAgent()).isEqualTo("second/2");
    }
}
