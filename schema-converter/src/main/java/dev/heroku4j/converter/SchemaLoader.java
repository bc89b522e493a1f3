package dev.heroku4j.converter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a schema file into a tree, turning every way it can fail into a located {@link ConversionException}. */
final class SchemaLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaLoader() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConversionException(file.toString(), "", "file not found");
        } catch (IOException e) {
            throw new ConversionException(file.toString(), "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Any JSON document. */
    static JsonNode parseAny(String source, byte[] content) {
        try {
            JsonNode root = JSON.readTree(content);
            if (root == null || root.isMissingNode()) {
                throw new ConversionException(source, "", "is empty");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String position = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw new ConversionException(source, "", "malformed JSON" + position + ": " + e.getOriginalMessage());
        }
    }

    /** A Heroku schema: an object with {@code definitions}. */
    static JsonNode parse(String source, byte[] content) {
        JsonNode root = parseAny(source, content);
        if (!root.isObject()) {
            throw new ConversionException(source, "", "a schema must be a JSON object");
        }
        if (!root.path("definitions").isObject()) {
            throw new ConversionException(source, "#/definitions", "missing or not an object: a Heroku schema keeps its resources there");
        }
        return root;
    }
}
