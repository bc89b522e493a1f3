package dev.heroku4j.converter;

import tools.jackson.databind.JsonNode;

/**
 * One published variant of Heroku's schema, as requested with {@code Accept: application/vnd.heroku+json; version=NAME}.
 *
 * @param name   the version parameter: {@code 3} or {@code 3.sdk}
 * @param source where it was read from, for error messages
 * @param root   the parsed document (after patches)
 */
record Variant(String name, String source, JsonNode root) {

    static final String CONTRACT = "3";

    /** The media type a client must accept to be served this variant. */
    String mediaType() {
        return "application/vnd.heroku+json; version=" + name;
    }

    /** {@code platform-api-3.sdk.json} is variant {@code 3.sdk}; any other file name is the contract variant {@code 3}. */
    static String nameFromFile(String fileName) {
        int at = fileName.indexOf("3.sdk");
        return at >= 0 ? "3.sdk" : CONTRACT;
    }
}
