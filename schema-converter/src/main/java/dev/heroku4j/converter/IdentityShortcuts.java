package dev.heroku4j.converter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marks the request-body properties that are an identity object ({@code dyno_size: {"name": ...}},
 * {@code pipeline: {"id": ...}}): an object of nothing but a resource's {@code id} and/or {@code name}. The model
 * template then adds a setter taking the plain name (or UUID id) that builds the object, so
 * {@code dynoSize("standard-1X")} works while what is sent stays what Heroku's schema asks for. The property becomes
 * {@code allOf: [$ref]} so the marks survive beside the reference (siblings of a bare {@code $ref} are ignored).
 */
final class IdentityShortcuts {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IdentityShortcuts() {
    }

    /** Marks them in place; returns how many properties were marked. */
    static int mark(ObjectNode document, ConversionReport report) {
        JsonNode schemas = document.path("components").path("schemas");
        Deque<String> pending = new ArrayDeque<>();
        document.path("paths").forEach(item -> item.forEach(operation -> operation.path("requestBody")
                .path("content").forEach(media -> collectRefs(media.path("schema"), pending))));
        Set<String> seen = new HashSet<>();
        int marked = 0;
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!seen.add(name) || !(schemas.get(name) instanceof ObjectNode component)) {
                continue;
            }
            if (!(component.get("properties") instanceof ObjectNode properties)) {
                continue;
            }
            for (String property : properties.propertyNames()) {
                JsonNode schema = properties.get(property);
                collectRefs(schema, pending);
                String target = singleRef(schema);
                String field = target == null ? null : identityField(schemas.path(target));
                if (field != null) {
                    ObjectNode out = schema.has("$ref") ? NODES.objectNode() : ((ObjectNode) schema).deepCopy();
                    if (schema.has("$ref")) {
                        out.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + target);
                    }
                    out.put("x-heroku4j-identity-field", field);
                    out.put("x-heroku4j-identity-type", "uuid".equals(schemas.path(target).path("properties")
                            .path(field).path("format").asString("")) ? "UUID" : "String");
                    properties.set(property, out);
                    report.note("identity shortcut: " + name + "." + property + " also takes its " + field);
                    marked++;
                }
            }
        }
        return marked;
    }

    /** {@code name} when the object has one (a name reads better than an id), else {@code id}; null if not an identity. */
    private static String identityField(JsonNode component) {
        JsonNode properties = component.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            return null;
        }
        for (String property : properties.propertyNames()) {
            boolean scalar = "string".equals(properties.get(property).path("type").asString(""));
            if (!scalar || !property.equals("id") && !property.equals("name")) {
                return null;
            }
        }
        return properties.has("name") ? "name" : "id";
    }

    private static String singleRef(JsonNode schema) {
        if (schema.has("$ref")) {
            return refName(schema.get("$ref").asString());
        }
        JsonNode allOf = schema.path("allOf");
        return allOf.size() == 1 && allOf.get(0).has("$ref") ? refName(allOf.get(0).get("$ref").asString()) : null;
    }

    private static void collectRefs(JsonNode schema, Deque<String> pending) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            pending.push(refName(schema.get("$ref").asString()));
        }
        schema.path("allOf").forEach(member -> collectRefs(member, pending));
        collectRefs(schema.path("items"), pending);
        collectRefs(schema.path("additionalProperties"), pending);
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
