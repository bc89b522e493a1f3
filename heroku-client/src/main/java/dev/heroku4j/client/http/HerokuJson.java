package dev.heroku4j.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson 3 settings for Heroku JSON.
 *
 * <p>NON_NULL <em>value</em> inclusion: a PATCH body built from a generated model carries only the fields that were
 * set (the generated mapper would send every unset field as {@code null} and Heroku would try to clear them), while
 * {@code null} entries of a {@code Map} are still written, so unsetting a config var ({@code {"KEY": null}}) works.
 * {@code JsonNullable} fields keep explicit nulls. Unknown properties are ignored, so new fields in Heroku's answers
 * do not break old clients.
 */
public final class HerokuJson {

    /** Default for {@link #registerCodecs}: Heroku lists of 1,000 items exceed Spring's 256 KiB default. */
    public static final int DEFAULT_MAX_IN_MEMORY_SIZE = 16 * 1024 * 1024;

    private HerokuJson() {
    }

    /** A new mapper with the Heroku settings. */
    public static JsonMapper mapper() {
        return customize(JsonMapper.builder()).build();
    }

    /** Applies the Heroku settings to a builder, e.g. {@code customize(ApiClient.createDefaultMapper(null).rebuild())}. */
    public static JsonMapper.Builder customize(JsonMapper.Builder builder) {
        return builder
                .addModule(new JsonNullableJackson3Module())
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Installs the mapper for {@code application/json} and {@code application/*+json} (so Heroku's
     * {@code application/vnd.heroku+json} responses decode) and raises the in-memory limit.
     */
    public static void registerCodecs(ClientCodecConfigurer codecs, JsonMapper mapper, int maxInMemorySize) {
        codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(mapper));
        codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper));
        codecs.defaultCodecs().maxInMemorySize(maxInMemorySize);
    }
}
