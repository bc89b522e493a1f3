package dev.heroku4j.converter;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks the shape of every keyword the converter reads before it reads any, so that a mistyped schema gives one
 * located error ("'type' must be ...") rather than a failure deep inside the translation.
 */
final class SchemaCheck {

    private static final Set<String> STRINGS = Set.of("$ref", "description", "title", "stability", "format", "pattern",
            "$schema", "id");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions");
    private static final Set<String> SCHEMA_LISTS = Set.of("anyOf", "oneOf", "allOf");
    private static final Set<String> LINK_STRINGS = Set.of("href", "method", "title", "rel", "description");

    private final Variant variant;

    private SchemaCheck(Variant variant) {
        this.variant = variant;
    }

    static void check(Variant variant) {
        SchemaCheck check = new SchemaCheck(variant);
        JsonNode definitions = variant.root().path("definitions");
        for (String name : definitions.propertyNames()) {
            check.schema(definitions.get(name), "#/definitions/" + escape(name));
        }
    }

    private void schema(JsonNode node, String at) {
        if (node.isBoolean()) {
            return;
        }
        if (!node.isObject()) {
            fail(at, "a schema must be a JSON object");
        }
        for (String keyword : node.propertyNames()) {
            JsonNode value = node.get(keyword);
            String here = at + "/" + escape(keyword);
            if (STRINGS.contains(keyword) && !value.isString()) {
                fail(here, "'" + keyword + "' must be a string");
            } else if (keyword.equals("type")) {
                type(value, here);
            } else if (keyword.equals("required") || keyword.equals("ranges")) {
                strings(value, here, keyword);
            } else if (keyword.equals("enum") && !value.isArray()) {
                fail(here, "'enum' must be an array");
            } else if (SCHEMA_MAPS.contains(keyword)) {
                if (!value.isObject()) {
                    fail(here, "'" + keyword + "' must be an object of schemas");
                }
                for (String name : value.propertyNames()) {
                    schema(value.get(name), here + "/" + escape(name));
                }
            } else if (SCHEMA_LISTS.contains(keyword)) {
                if (!value.isArray() || value.isEmpty()) {
                    fail(here, "'" + keyword + "' must be a non-empty array of schemas");
                }
                for (int i = 0; i < value.size(); i++) {
                    schema(value.get(i), here + "/" + i);
                }
            } else if (keyword.equals("items") || keyword.equals("additionalProperties")) {
                schema(value, here);
            } else if (keyword.equals("links")) {
                links(value, here);
            }
        }
    }

    private void links(JsonNode links, String at) {
        if (!links.isArray()) {
            fail(at, "'links' must be an array");
        }
        for (int i = 0; i < links.size(); i++) {
            JsonNode link = links.get(i);
            String here = at + "/" + i;
            if (!link.isObject()) {
                fail(here, "a link must be a JSON object");
            }
            for (String field : LINK_STRINGS) {
                if (link.has(field) && !link.get(field).isString()) {
                    fail(here + "/" + field, "'" + field + "' must be a string");
                }
            }
            for (String field : new String[] {"href", "method"}) {
                if (!link.has(field)) {
                    fail(here + "/" + field, "missing: every link needs a " + field);
                }
            }
            if (link.has("ranges")) {
                strings(link.get("ranges"), here + "/ranges", "ranges");
            }
            for (String field : new String[] {"schema", "targetSchema"}) {
                if (link.has(field)) {
                    schema(link.get(field), here + "/" + field);
                }
            }
        }
    }

    private void type(JsonNode value, String at) {
        if (value.isString()) {
            return;
        }
        if (!value.isArray()) {
            fail(at, "must be a type name or an array of type names");
        }
        strings(value, at, "type");
    }

    private void strings(JsonNode value, String at, String keyword) {
        if (!value.isArray()) {
            fail(at, "'" + keyword + "' must be an array of strings");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isString()) {
                fail(at + "/" + i, "'" + keyword + "' must be an array of strings");
            }
        }
    }

    private void fail(String at, String problem) {
        throw new ConversionException(variant.source(), at, problem);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
