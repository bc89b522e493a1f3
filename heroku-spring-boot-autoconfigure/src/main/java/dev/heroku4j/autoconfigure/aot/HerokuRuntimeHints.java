package dev.heroku4j.autoconfigure.aot;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

import dev.heroku4j.client.model.HerokuModelClasses;
import dev.heroku4j.client.model.support.HerokuModel;

/**
 * What an AOT-processed application (and a native image made from it) must be told ahead of time, because the
 * client finds it by reflection or as a resource at run time:
 * <ul>
 *   <li>every generated model class ({@link HerokuModelClasses}, a list the generator writes, so no scan at build
 *       time): Jackson makes them through their no-argument constructor and reads and writes their private fields
 *       (the models declare field visibility); the unknown-field any-getter and any-setter of {@link HerokuModel};</li>
 *   <li>every enum nested in a model: the models keep the JSON text and convert in their getters, so heroku4j needs
 *       no reflection here, but a mapper or converter of the application binding these enums does;</li>
 *   <li>{@code heroku4j-client.properties}, the version in the User-Agent.</li>
 * </ul>
 * Registered in {@code META-INF/spring/aot.factories}.
 */
public final class HerokuRuntimeHints implements RuntimeHintsRegistrar {

    static final String CLIENT_PROPERTIES = "dev/heroku4j/client/http/heroku4j-client.properties";

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        ReflectionHints reflection = hints.reflection();
        for (Class<?> model : HerokuModelClasses.models()) {
            reflection.registerType(model, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                    MemberCategory.ACCESS_DECLARED_FIELDS, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
        for (Class<?> type : HerokuModelClasses.enums()) {
            reflection.registerType(type, MemberCategory.ACCESS_PUBLIC_FIELDS, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
        reflection.registerType(HerokuModel.class, MemberCategory.ACCESS_DECLARED_FIELDS,
                MemberCategory.INVOKE_DECLARED_METHODS);
        // HerokuJson adds this module itself; Boot's own JsonMapper finds it through ServiceLoader and creates it
        reflection.registerType(TypeReference.of("org.openapitools.jackson.nullable.JsonNullableJackson3Module"),
                MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        hints.resources().registerPattern(CLIENT_PROPERTIES);
    }
}
