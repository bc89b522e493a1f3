package dev.heroku4j.autoconfigure.aot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import dev.heroku4j.autoconfigure.HerokuClientAutoConfiguration;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.App;

/**
 * The auto-configuration processed ahead of time, as {@code spring-boot-maven-plugin}'s {@code process-aot} does:
 * the generated bean definitions compiled and run in a fresh context, which starts without the reflection-based
 * configuration parsing and makes a real call.
 */
@CompileWithForkedClassLoader
class HerokuAotTests {

    private static final String KEY = "hrku-TEST-aot";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();

    @Test
    void aotProcessedContext_startsAndMakesCalls() {
        api.stubFor(get(urlPathEqualTo("/apps/example")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"name\":\"example\",\"stack\":{\"name\":\"heroku-24\"},\"new_field\":1}")));
        AnnotationConfigApplicationContext source = new AnnotationConfigApplicationContext();
        source.register(AotApplication.class);
        TestGenerationContext generation = new TestGenerationContext(HerokuAotTests.class);

        ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(source, generation);
        generation.writeGeneratedContent();

        // the registrar came through aot.factories into the hints AOT processing writes out
        assertThat(RuntimeHintsPredicates.reflection().onType(App.class)
            .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
            .accepts(generation.getRuntimeHints());
        TestCompiler.forSystem().with(generation).compile((compiled) -> {
            GenericApplicationContext context = new GenericApplicationContext();
            TestPropertyValues.of("heroku.api-key=" + KEY, "heroku.base-url=" + api.baseUrl()).applyTo(context);
            @SuppressWarnings("unchecked")
            ApplicationContextInitializer<GenericApplicationContext> init = compiled
                .getInstance(ApplicationContextInitializer.class, initializer.reflectionName());
            init.initialize(context);
            context.refresh();
            try {
                App app = context.getBean(HerokuClient.class).app().appInfo("example");
                assertThat(app.getName()).isEqualTo("example");
                assertThat(app.unknownFields()).containsKey("new_field");
                assertThat(context.getBean(ReactiveHerokuClient.class).app().appInfo("example").block().getName())
                    .isEqualTo("example");
            }
            finally {
                context.close();
            }
        });
        api.verify(2, getRequestedFor(urlPathEqualTo("/apps/example")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
            HerokuClientAutoConfiguration.class })
    static class AotApplication {

    }
}
