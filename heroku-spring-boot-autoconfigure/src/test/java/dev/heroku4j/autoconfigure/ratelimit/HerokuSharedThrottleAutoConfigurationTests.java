package dev.heroku4j.autoconfigure.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.heroku4j.autoconfigure.HerokuClientAutoConfiguration;
import dev.heroku4j.autoconfigure.metrics.HerokuMetricsAutoConfiguration;
import dev.heroku4j.autoconfigure.metrics.HerokuRateLimitMetrics;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ratelimit.ThrottleStats;
import dev.heroku4j.client.testsupport.LocalPostgres;
import dev.heroku4j.client.testsupport.LocalRedis;
import dev.heroku4j.health.HerokuHealthIndicator;

/** {@code heroku.rate-limit.*} with the application's own Redis connection factory or DataSource, real ones. */
class HerokuSharedThrottleAutoConfigurationTests {

    private static final String KEY = "hrku-SHARED-7e7e";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    static LocalRedis redis;

    static LocalPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.started();
        postgres = LocalPostgres.started();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
        postgres.close();
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                HerokuSharedThrottleAutoConfiguration.class, HerokuClientAutoConfiguration.class,
                HerokuMetricsAutoConfiguration.class))
        .withPropertyValues("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl());

    private static void stubApp() {
        api.stubFor(get(urlPathEqualTo("/account/rate-limits")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withHeader("RateLimit-Remaining", "4000")
            .withBody("{\"remaining\": 4000}")));
        api.stubFor(get(urlPathEqualTo("/apps/a")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withHeader("RateLimit-Remaining", "3999")
            .withBody("{\"name\": \"a\"}")));
    }

    private static LettuceConnectionFactory redisFactory() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static DataSource dataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.jdbcUrl());
        ds.setMaximumPoolSize(2);
        return ds;
    }

    @Test
    void byDefault_theLocalThrottle_andNoSharedCustomizer() {
        this.runner.run((context) -> {
            assertThat(context.getBean(HerokuClient.class).rateLimitThrottle().orElseThrow().stats().kind())
                .isEqualTo("local");
            assertThat(context).doesNotHaveBean("herokuSharedThrottle");
        });
    }

    @Test
    void throttleFalse_noThrottle_andNoProbe() {
        stubApp();
        this.runner.withPropertyValues("heroku.rate-limit.throttle=false").run((context) -> {
            HerokuClient client = context.getBean(HerokuClient.class);
            assertThat(client.rateLimitThrottle()).isEmpty();
            client.app().appInfo("a");
            api.verify(0, getRequestedFor(urlEqualTo("/account/rate-limits")));
        });
    }

    @Test
    void throttleTrue_givesTheLocalThrottle_withItsMeters() {
        stubApp();
        this.runner.withPropertyValues("heroku.rate-limit.throttle=true", "heroku.rate-limit.threshold=200")
            .run((context) -> {
                HerokuClient client = context.getBean(HerokuClient.class);
                client.app().appInfo("a");
                ThrottleStats stats = client.rateLimitThrottle().orElseThrow().stats();
                assertThat(stats.kind()).isEqualTo("local");
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get(HerokuRateLimitMetrics.DELAY).tag("throttle", "local").gauge().value()).isZero();
                assertThat(registry.get(HerokuRateLimitMetrics.MET).functionCounter().count()).isZero();
                assertThat(registry.find(HerokuRateLimitMetrics.STORE_UP).gauge()).isNull();
            });
    }

    @Test
    void sharedOnRedis_usesTheApplicationsConnectionFactory_andSaysSoInHealthAndMetrics() {
        stubApp();
        LettuceConnectionFactory factory = redisFactory();
        try {
            this.runner.withBean(LettuceConnectionFactory.class, () -> factory)
                .withPropertyValues("heroku.rate-limit.shared.enabled=true")
                .run((context) -> {
                    HerokuClient client = context.getBean(HerokuClient.class);
                    client.app().appInfo("a");
                    ThrottleStats stats = client.rateLimitThrottle().orElseThrow().stats();
                    assertThat(stats.kind()).isEqualTo("shared-redis");
                    assertThat(stats.active()).isEqualTo("shared-redis");
                    assertThat(stats.storeUp()).isTrue();
                    assertThat(factory.getConnection().keyCommands().keys("heroku4j:rate-limit:*".getBytes()))
                        .hasSize(1);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(HerokuRateLimitMetrics.STORE_UP).tag("throttle", "shared-redis").gauge()
                        .value()).isEqualTo(1.0);
                    Health health = new HerokuHealthIndicator(client.reactive(), java.time.Duration.ofSeconds(2))
                        .health(true).block();
                    assertThat(health.getDetails()).containsEntry("throttle", "shared-redis")
                        .containsEntry("sharedStore", "up");
                });
        }
        finally {
            factory.destroy();
        }
    }

    @Test
    void sharedAuto_withOnlyADataSource_usesPostgres() {
        stubApp();
        this.runner.withBean(DataSource.class, HerokuSharedThrottleAutoConfigurationTests::dataSource)
            .withPropertyValues("heroku.rate-limit.shared.enabled=true", "heroku.rate-limit.shared.table=heroku4j_rl_test")
            .run((context) -> {
                HerokuClient client = context.getBean(HerokuClient.class);
                client.app().appInfo("a");
                assertThat(client.rateLimitThrottle().orElseThrow().stats().active()).isEqualTo("shared-postgresql");
                try (var c = context.getBean(DataSource.class).getConnection();
                        var rs = c.createStatement().executeQuery("SELECT count(*) FROM heroku4j_rl_test")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            });
    }

    @Test
    void sharedEnabled_withNoStore_failsStartUp_sayingWhatIsMissing() {
        this.runner.withPropertyValues("heroku.rate-limit.shared.enabled=true").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("heroku.rate-limit.shared.enabled=true")
                .hasMessageContaining("DataSource");
        });
    }

    @Test
    void withoutBucket4j_theSharedPropertiesDoNothing_andTheClientStillWorks() {
        stubApp();
        this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
            .withPropertyValues("heroku.rate-limit.shared.enabled=true", "heroku.rate-limit.throttle=true")
            .run((context) -> {
                assertThat(context).doesNotHaveBean("herokuSharedThrottle");
                HerokuClient client = context.getBean(HerokuClient.class);
                assertThat(client.app().appInfo("a").getName()).isEqualTo("a");
                assertThat(client.rateLimitThrottle().orElseThrow().stats().kind()).isEqualTo("local");
            });
    }

}
