package dev.heroku4j.autoconfigure.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.HerokuModelClasses;
import dev.heroku4j.client.model.support.HerokuModel;

class HerokuRuntimeHintsTests {

    private final RuntimeHints hints = new RuntimeHints();

    HerokuRuntimeHintsTests() {
        new HerokuRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
    }

    @Test
    void registrar_isListedInAotFactories() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
            .load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(HerokuRuntimeHints.class);
    }

    @Test
    void registerHints_coversEveryModelForJackson() {
        assertThat(HerokuModelClasses.models()).contains(App.class).hasSizeGreaterThan(100);
        for (Class<?> model : HerokuModelClasses.models()) {
            assertThat(RuntimeHintsPredicates.reflection().onType(model)
                .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
                .as(model.getName()).accepts(this.hints);
        }
        assertThat(RuntimeHintsPredicates.reflection().onType(HerokuModel.class)
            .withMemberCategories(MemberCategory.INVOKE_DECLARED_METHODS)).accepts(this.hints);
    }

    @Test
    void registerHints_coversEveryNestedEnum() {
        assertThat(HerokuModelClasses.enums()).isNotEmpty().allMatch(Class::isEnum);
        for (Class<?> type : HerokuModelClasses.enums()) {
            assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
        }
    }

    @Test
    void registerHints_coversTheClientVersionResource() {
        assertThat(RuntimeHintsPredicates.resource().forResource(HerokuRuntimeHints.CLIENT_PROPERTIES)).accepts(this.hints);
        assertThat(getClass().getClassLoader().getResource(HerokuRuntimeHints.CLIENT_PROPERTIES)).isNotNull();
    }

    /** The generated list against what is really in the jar: a model or enum the template misses fails here. */
    @Test
    void generatedList_matchesAScanOfTheModelPackage() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(HerokuModel.class));
        Set<Class<?>> scanned = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.heroku4j.client.model")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            if (!Modifier.isAbstract(type.getModifiers())) {
                scanned.add(type);
            }
        }
        assertThat(new HashSet<>(HerokuModelClasses.models())).isEqualTo(scanned);

        Set<Class<?>> nestedEnums = scanned.stream()
            .flatMap((model) -> Arrays.stream(model.getDeclaredClasses()))
            .filter(Class::isEnum)
            .collect(Collectors.toSet());
        assertThat(new HashSet<>(HerokuModelClasses.enums())).isEqualTo(nestedEnums);
    }
}
