package dev.heroku4j.converter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fixes to Heroku's schema, kept as data ({@code heroku-schema-patches.json}): each entry names the variants it
 * applies to, an operation ({@code replace}, {@code add} or {@code remove}) at a JSON pointer, the value it expects to
 * find there, and a one-line reason. A patch that no longer applies fails the conversion, so a fix that Heroku made
 * upstream is noticed and the patch removed.
 */
final class SchemaPatches {

    static final String RESOURCE = "heroku-schema-patches.json";

    private record Patch(int index, List<String> variants, String op, String path, JsonNode expect, JsonNode value,
            String reason) {
    }

    private final String source;
    private final List<Patch> patches;

    private SchemaPatches(String source, List<Patch> patches) {
        this.source = source;
        this.patches = patches;
    }

    static SchemaPatches builtIn() {
        try (InputStream in = SchemaPatches.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the converter's jar");
            }
            return parse(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static SchemaPatches parse(String source, byte[] content) {
        JsonNode root = SchemaLoader.parseAny(source, content);
        if (!root.isArray()) {
            throw new ConversionException(source, "", "patches must be a JSON array");
        }
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String at = "/" + i;
            String op = text(source, entry, at, "op");
            if (!List.of("replace", "add", "remove").contains(op)) {
                throw new ConversionException(source, at + "/op", "unknown op '" + op + "' (replace, add or remove)");
            }
            List<String> variants = new ArrayList<>();
            for (JsonNode variant : entry.path("variants")) {
                variants.add(variant.asString());
            }
            if (variants.isEmpty()) {
                throw new ConversionException(source, at + "/variants", "name the variants the patch applies to");
            }
            if (!op.equals("add") && !entry.has("expect")) {
                throw new ConversionException(source, at + "/expect", op + " needs the value it expects to find");
            }
            if (!op.equals("remove") && !entry.has("value")) {
                throw new ConversionException(source, at + "/value", op + " needs a value");
            }
            patches.add(new Patch(i, variants, op, text(source, entry, at, "path"), entry.get("expect"), entry.get("value"),
                    text(source, entry, at, "reason")));
        }
        return new SchemaPatches(source, patches);
    }

    private static String text(String source, JsonNode entry, String at, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new ConversionException(source, at + "/" + field, "missing or empty");
        }
        return value.asString();
    }

    /** Applies every patch meant for this variant to its (mutable) tree, and says what it did. */
    void apply(String variant, JsonNode root, String schemaSource, ConversionReport report) {
        for (Patch patch : patches) {
            if (!patch.variants().contains(variant)) {
                continue;
            }
            JsonPointer pointer = JsonPointer.compile(patch.path());
            JsonNode parent = root.at(pointer.head());
            JsonNode current = root.at(pointer);
            String key = pointer.last().getMatchingProperty();
            String where = source + " entry " + patch.index();
            if (!(parent instanceof ObjectNode) && !(parent instanceof ArrayNode)) {
                fail(where, schemaSource, patch, "its parent does not exist");
            }
            if (patch.op().equals("add")) {
                if (!current.isMissingNode()) {
                    fail(where, schemaSource, patch, "the value is already there");
                }
            } else if (!current.equals(patch.expect())) {
                fail(where, schemaSource, patch, "expected " + patch.expect() + " but found "
                        + (current.isMissingNode() ? "nothing" : current.toString()));
            }
            if (parent instanceof ObjectNode object) {
                if (patch.op().equals("remove")) {
                    object.remove(key);
                } else {
                    object.set(key, patch.value().deepCopy());
                }
            } else {
                ArrayNode array = (ArrayNode) parent;
                int index = pointer.last().getMatchingIndex();
                switch (patch.op()) {
                    case "remove" -> array.remove(index);
                    case "replace" -> array.set(index, patch.value().deepCopy());
                    default -> array.insert(index < 0 ? array.size() : index, patch.value().deepCopy());
                }
            }
            report.patchApplied(variant, patch.op() + " " + patch.path() + ": " + patch.reason());
        }
    }

    private static void fail(String where, String schemaSource, Patch patch, String problem) {
        throw new ConversionException(schemaSource, "#" + patch.path(),
                "patch (" + where + ", " + patch.reason() + ") no longer applies: " + problem
                        + ". If Heroku fixed this upstream, delete the patch.");
    }
}
