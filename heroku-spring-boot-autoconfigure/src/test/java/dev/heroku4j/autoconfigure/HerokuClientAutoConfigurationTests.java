package dev.heroku4j.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.heroku4j.autoconfigure.health.HerokuHealthContributorAutoConfiguration;
import dev.heroku4j.autoconfigure.metrics.HerokuMetricsAutoConfiguration;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.auth.ApiKeyNotFoundException;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.ratelimit.ThrottleFactory;
import dev.heroku4j.client.ratelimit.ThrottlePolicy;
import dev.heroku4j.client.ratelimit.shared.SharedThrottleSettings;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.client.HerokuConfig;

class HerokuClientAutoConfigurationTests {

    private static final String KEY = "hrku-TEST-4f1c9a7e";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WebClientAutoConfiguration.class, HerokuClientAutoConfiguration.class));

    @Test
    void herokuClient_whenOnlyKeyIsSet_usesClientDefaults() {
        this.runner.withPropertyValues("heroku.api-key=" + KEY).run((context) -> {
            assertThat(context).hasSingleBean(HerokuClient.class).hasSingleBean(HerokuProperties.class);
            HerokuConfig options = context.getBean(HerokuClient.class).config();
            assertThat(options.baseUrl()).isEqualTo(HerokuConfig.DEFAULT_BASE_URL);
            assertThat(options.userAgent()).startsWith("heroku4j/");
            assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(120));
            assertThat(options.timeouts()).isEqualTo(HttpTimeouts.DEFAULTS);
            assertThat(options.retry()).isEqualTo(RetrySettings.DEFAULTS);
            assertThat(options.throttle()).isEqualTo(ThrottleFactory.local(ThrottlePolicy.DEFAULTS));   // on by default
            assertThat(options.throttle()).isEqualTo(HerokuConfig.builder().config().throttle());
            assertThat(options.apiKeys().get().value()).isEqualTo(KEY);
        });
    }

    @Test
    void herokuProperties_whenDefault_matchClientDefaults() {
        HerokuProperties properties = new HerokuProperties();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getBaseUrl()).isEqualTo(HerokuConfig.DEFAULT_BASE_URL.toString());
        assertThat(properties.getCallTimeout()).isEqualTo(HerokuConfig.builder().config().callTimeout());
        assertThat(properties.getConnectTimeout()).isEqualTo(HttpTimeouts.DEFAULTS.connect());
        assertThat(properties.getResponseTimeout()).isEqualTo(HttpTimeouts.DEFAULTS.response());
        assertThat(properties.getRetry().getMaxRetries()).isEqualTo(RetrySettings.DEFAULTS.maxRetries());
        assertThat(properties.getRetry().getMaxTotalWait()).isEqualTo(RetrySettings.DEFAULTS.maxTotalWait());
        assertThat(properties.getRateLimit().isThrottle()).isTrue();
        assertThat(HerokuConfig.builder().config().throttle()).isNotNull();
        assertThat(properties.getRateLimit().getThreshold()).isEqualTo(ThrottlePolicy.DEFAULTS.threshold());
        assertThat(properties.getRateLimit().getMaxInterval()).isEqualTo(ThrottlePolicy.DEFAULTS.maxInterval());
        assertThat(properties.getRateLimit().isProbe()).isEqualTo(ThrottlePolicy.DEFAULTS.probe());
        SharedThrottleSettings shared = SharedThrottleSettings.DEFAULTS;
        assertThat(properties.getRateLimit().getShared().isEnabled()).isFalse();
        assertThat(properties.getRateLimit().getShared().getMargin()).isEqualTo(shared.margin());
        assertThat(properties.getRateLimit().getShared().getStoreTimeout()).isEqualTo(shared.storeTimeout());
        assertThat(properties.getRateLimit().getShared().getRetryStoreAfter()).isEqualTo(shared.retryStoreAfter());
        assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void herokuClient_whenPropertiesUseRelaxedNamesAndDurations_bindsThem() {
        this.runner
            .withPropertyValues("heroku.apiKey=" + KEY, "heroku.baseUrl=http://127.0.0.1:8089/",
                    "heroku.user-agent=my-app/1.0", "heroku.call_timeout=45s", "heroku.connect-timeout=500ms",
                    "heroku.response-timeout=2s", "heroku.retry.max-retries=0", "heroku.retry.maxTotalWait=1m",
                    "heroku.rate-limit.throttle=true", "heroku.rate-limit.threshold=100",
                    "heroku.rate-limit.max-interval=250ms", "heroku.health.timeout=750")
            .run((context) -> {
                HerokuConfig options = context.getBean(HerokuClient.class).config();
                assertThat(options.baseUrl()).hasToString("http://127.0.0.1:8089");
                assertThat(options.userAgent()).isEqualTo("my-app/1.0");
                assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(45));
                assertThat(options.timeouts()).isEqualTo(new HttpTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2)));
                assertThat(options.retry().maxRetries()).isZero();
                assertThat(options.retry().maxTotalWait()).isEqualTo(Duration.ofMinutes(1));
                assertThat(options.throttle())
                    .isEqualTo(ThrottleFactory.local(new ThrottlePolicy(100, Duration.ofMillis(250), true)));
                assertThat(context.getBean(HerokuProperties.class).getHealth().getTimeout())
                    .isEqualTo(Duration.ofMillis(750));
            });
    }

    @Test
    void herokuClient_whenSetThroughEnvironmentVariables_bindsThem() {
        Map<String, Object> env = Map.of("HEROKU_API_KEY", KEY, "HEROKU_BASE_URL", "http://127.0.0.1:8089",
                "HEROKU_RETRY_MAX_RETRIES", "1", "HEROKU_RESPONSE_TIMEOUT", "1500ms");
        this.runner
            .withInitializer((context) -> context.getEnvironment()
                .getPropertySources()
                .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
            .run((context) -> {
                HerokuConfig options = context.getBean(HerokuClient.class).config();
                assertThat(options.apiKeys().get().value()).isEqualTo(KEY);
                assertThat(options.baseUrl()).hasToString("http://127.0.0.1:8089");
                assertThat(options.retry().maxRetries()).isEqualTo(1);
                assertThat(options.timeouts().response()).isEqualTo(Duration.ofMillis(1500));
            });
    }

    @Test
    void herokuClients_whenAutoConfigured_shareOneEngine() {
        this.runner.withPropertyValues("heroku.api-key=" + KEY).run((context) -> {
            assertThat(context).hasSingleBean(HerokuClient.class).hasSingleBean(ReactiveHerokuClient.class);
            assertThat(context.getBean(HerokuClient.class).reactive()).isSameAs(context.getBean(ReactiveHerokuClient.class));
        });
    }

    @Test
    void herokuClient_whenUserDefinesAReactiveOne_isBuiltOnIt() {
        this.runner.withBean("myReactive", ReactiveHerokuClient.class,
                () -> ReactiveHerokuClient.builder().apiKey("user-key").build())
            .run((context) -> {
                assertThat(context).hasSingleBean(ReactiveHerokuClient.class).hasSingleBean(HerokuClient.class);
                assertThat(context.getBean(HerokuClient.class).reactive()).isSameAs(context.getBean("myReactive"));
            });
    }

    @Test
    void herokuClient_whenUserDefinesOne_backsOff() {
        this.runner.withUserConfiguration(UserClientConfiguration.class).run((context) -> {
            assertThat(context).hasSingleBean(HerokuClient.class);
            assertThat(context.getBean(HerokuClient.class)).isSameAs(context.getBean("myHerokuClient"));
        });
    }

    @Test
    void herokuClient_whenCustomizersExist_appliesThemInOrderAfterProperties() {
        this.runner.withPropertyValues("heroku.api-key=" + KEY, "heroku.user-agent=from-properties")
            .withUserConfiguration(CustomizerConfiguration.class)
            .run((context) -> {
                assertThat(context.getBean("calls", List.class)).containsExactly("first", "second");
                assertThat(context.getBean(HerokuClient.class).config().userAgent()).isEqualTo("second");
            });
    }

    @Test
    void herokuClient_whenBuilt_startsFromBootsWebClientBuilder() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"remaining\": 4500}")));
        this.runner.withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl())
            .withBean(WebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-From-Boot", "yes"))
            .run((context) -> {
                HerokuClient client = context.getBean(HerokuClient.class);
                assertThat(client.rateLimit().rateLimitInfo().getRemaining())
                    .isEqualTo(4500L);
                api.verify(getRequestedFor(urlPathEqualTo("/account/rate-limits"))
                    .withHeader("X-From-Boot", equalTo("yes"))
                    .withHeader("Authorization", equalTo("Bearer " + KEY)));
            });
    }

    @Test
    void herokuClient_whenContextStarts_asksForBootsWebClientBuilderOnlyOffTheStartUpThread() {
        List<String> threads = new CopyOnWriteArrayList<>();
        String startUpThread = Thread.currentThread().getName();
        this.runner.withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl())
            .withBean(WebClientCustomizer.class, () -> (builder) -> threads.add(Thread.currentThread().getName()))
            .run((context) -> {
                await().atMost(Duration.ofSeconds(20)).until(() -> !threads.isEmpty());
                context.getBean(HerokuClient.class).prepare(); // already built: no second builder
                assertThat(threads).containsExactly("heroku4j-prepare").doesNotContain(startUpThread);
            });
    }

    @Test
    void herokuClientPreparer_afterRefresh_preparesAndWarmsTheEngine_unlessPreinitializationIsOff() {
        this.runner.withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl())
            .run((context) -> assertThat(context.getBean(HerokuClientPreparer.class).startedThreads())
                .containsExactly("heroku4j-prepare", "heroku4j-preinitialization"));
        this.runner.withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl(),
                "heroku.preinitialize=false")
            .run((context) -> assertThat(context.getBean(HerokuClientPreparer.class).startedThreads())
                .containsExactly("heroku4j-prepare"));
    }

    @Test
    void herokuClientPreparer_whenTheApplicationDefinesSeveralClients_preparesEachOffTheStartUpThread() {
        List<String> builtOn = new CopyOnWriteArrayList<>();
        Supplier<HerokuClient> client = () -> HerokuClient.builder().apiKey(KEY).baseUrl(api.baseUrl())
            .webClientBuilder(WebClient.builder().codecs((codecs) -> builtOn.add(Thread.currentThread().getName())))
            .build();
        this.runner.withBean("first", HerokuClient.class, client).withBean("second", HerokuClient.class, client)
            .run((context) -> {
                assertThat(context).getBeans(HerokuClient.class).hasSize(2);
                await().atMost(Duration.ofSeconds(20)).until(() -> builtOn.size() == 2);
                assertThat(builtOn).containsOnly("heroku4j-prepare");
            });
    }

    @Test
    void herokuClientPreparer_whenAClientBeanIsLazy_leavesItUncreated() {
        AtomicInteger created = new AtomicInteger();
        this.runner.withBean("lazyClient", HerokuClient.class, () -> {
                created.incrementAndGet();
                return HerokuClient.builder().apiKey(KEY).baseUrl(api.baseUrl()).build();
            }, (definition) -> definition.setLazyInit(true))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(created).hasValue(0); // the preparer looked for clients during refresh, and made none
                context.getBean(HerokuClient.class);
                assertThat(created).hasValue(1);
            });
    }

    @Test
    void autoConfiguration_whenDisabled_createsNothingAndNeedsNoKey() {
        this.runner.withPropertyValues("heroku.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(HerokuClient.class)
                .doesNotHaveBean(HerokuProperties.class)
                .doesNotHaveBean("herokuApiKeySanitizingFunction");
        });
    }

    @Test
    void herokuClient_whenNoKeyAnywhere_failsStartUp() {
        this.runner.run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("HEROKU_API_KEY: not set");
        });
    }

    @Test
    void herokuClient_whenKeyComesFromCustomizer_startsWithoutProperty() {
        this.runner.withBean(HerokuClientCustomizer.class, () -> (builder) -> builder.apiKey(() -> KEY))
            .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HerokuClient.class));
    }

    @Test
    void toString_whenKeyIsSet_neverShowsIt() {
        this.runner.withPropertyValues("heroku.api-key=" + KEY).run((context) -> {
            assertThat(context.getBean(HerokuProperties.class).toString()).doesNotContain(KEY).contains("******");
            assertThat(context.getBean(HerokuClient.class).toString()).doesNotContain(KEY);
        });
    }

    @Test
    void herokuApiKeySanitizingFunction_whenActuatorIsPresent_masksOnlyTheKey() {
        this.runner.withPropertyValues("heroku.api-key=" + KEY).run((context) -> {
            SanitizingFunction function = context.getBean("herokuApiKeySanitizingFunction", SanitizingFunction.class);
            for (String key : List.of("heroku.api-key", "heroku.apiKey", "HEROKU_API_KEY", "heroku.api_key")) {
                assertThat(function.applyUnlessFiltered(new SanitizableData(null, key, KEY)).getValue()).as(key)
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            }
            assertThat(function.applyUnlessFiltered(new SanitizableData(null, "heroku.base-url", "x")).getValue())
                .isEqualTo("x");
        });
    }

    @Test
    void herokuApiKeySanitizingFunction_whenActuatorIsAbsent_isNotCreated() {
        this.runner.withPropertyValues("heroku.api-key=" + KEY)
            .withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
            .run((context) -> assertThat(context).hasSingleBean(HerokuClient.class)
                .doesNotHaveBean("herokuApiKeySanitizingFunction"));
    }

    @Test
    void autoConfigurations_whenActuatorHealthAndMicrometerAreAbsent_createOnlyTheClient() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
                    HerokuClientAutoConfiguration.class, HerokuHealthContributorAutoConfiguration.class,
                    HerokuMetricsAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
                    "org.springframework.boot.health", "io.micrometer"))
            .withPropertyValues("heroku.api-key=" + KEY)
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(HerokuClient.class)
                .doesNotHaveBean("herokuApiKeySanitizingFunction")
                .doesNotHaveBean("herokuHealthContributor")
                .doesNotHaveBean("herokuRateLimitMetrics"));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClientConfiguration {

        @Bean
        HerokuClient myHerokuClient() {
            return HerokuClient.builder().apiKey("user-key").build();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @Bean
        List<String> calls() {
            return new ArrayList<>();
        }

        @Bean
        @Order(2)
        HerokuClientCustomizer second(List<String> calls) {
            return (builder) -> {
                calls.add("second");
                builder.userAgent("second");
            };
        }

        @Bean
        @Order(1)
        HerokuClientCustomizer first(List<String> calls) {
            return (builder) -> {
                calls.add("first");
                builder.userAgent("first");
            };
        }

    }


    @Test
    void herokuClient_whenBootBuildsConnectors_usesBootsConnectorWithHerokusSettings() {
        List<org.springframework.boot.http.client.HttpClientSettings> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder<?> recording = (settings) -> {
            seen.add(settings);
            threads.add(Thread.currentThread().getName());
            return org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder.reactor().build(settings);
        };
        this.runner.withBean(org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder.class, () -> recording)
            .withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl(), "heroku.connect-timeout=3s",
                    "heroku.response-timeout=7s")
            .run((context) -> {
                assertThat(context).hasSingleBean(HerokuClient.class);
                // built off the start-up thread, before any call asks for it
                await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
                assertThat(threads).containsExactly("heroku4j-prepare");
                assertThat(seen).singleElement().satisfies((settings) -> {
                    assertThat(settings.redirects()).isEqualTo(org.springframework.boot.http.client.HttpRedirects.DONT_FOLLOW);
                    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(settings.sslBundle()).isNull();
                });
                api.stubFor(get(urlPathEqualTo("/apps/moved")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "http://127.0.0.1:1/elsewhere")));
                HerokuClient client = context.getBean(HerokuClient.class);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.app().appInfo("moved"))
                    .isInstanceOf(dev.heroku4j.client.error.HerokuApiException.class)
                    .hasMessageContaining("302");
                assertThat(seen).hasSize(1); // built once
            });
    }

    @Test
    void herokuClient_whenConnectorCannotBeBuilt_startsAndTheFirstCallGetsTheError() {
        org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder<?> failing = (settings) -> {
            throw new IllegalStateException("connector broken");
        };
        this.runner.withBean(org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder.class, () -> failing)
            .withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl())
            .run((context) -> {
                HerokuClient client = context.getBean(HerokuClient.class);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.account().accountInfo())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Could not build the API WebClient of the Heroku client for " + api.baseUrl())
                    .hasRootCauseMessage("connector broken");
            });
    }

    @Test
    void herokuClient_whenSslBundleIsUnknown_failsStartUpNamingIt() {
        this.runner.withConfiguration(AutoConfigurations.of(
                org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration.class,
                org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class))
            .withPropertyValues("heroku.api-key=" + KEY, "heroku.ssl-bundle=no-such-bundle")
            .run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("no-such-bundle"));
    }
}
