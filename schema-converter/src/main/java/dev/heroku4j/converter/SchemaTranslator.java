package dev.heroku4j.converter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates draft-04 schemas into OpenAPI 3.0.3 schemas that OpenAPI Generator's Java generator compiles into
 * sound models. Every object with properties becomes a named component (so the generator never reuses one shape
 * under another resource's name), identities become plain strings, and no {@code anyOf}/{@code oneOf} survives.
 */
final class SchemaTranslator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern RESOURCE = Pattern.compile("#/definitions/[^/]+");

    /** Keywords copied as they are (after any nested schemas are translated). */
    private static final Set<String> COPIED = Set.of("format", "enum", "pattern", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
            "example", "deprecated");
    /** Keywords this translator reads. */
    private static final Set<String> READ = Set.of("$ref", "type", "properties", "required", "patternProperties",
            "additionalProperties", "items", "anyOf", "oneOf", "allOf", "description", "default");
    /**
     * Keywords dropped on purpose: readOnly (and the misspelled readonly) would strip setters from request models;
     * strictProperties/additionalProperties=false would close models to fields Heroku adds later; the rest is
     * hyper-schema bookkeeping with no meaning for a client model.
     */
    private static final Set<String> DROPPED = Set.of("readOnly", "readonly", "$schema", "id", "title", "links",
            "definitions", "stability", "strictProperties", "optional");

    private final SchemaSet schemas;
    private final ConversionReport report;
    /** Component name by source node (variant + pointer), so one node always becomes one component. */
    private final Map<String, String> componentBySource = new HashMap<>();
    private final Map<String, String> sourceByComponent = new HashMap<>();
    private final Map<String, ObjectNode> components = new TreeMap<>();
    private final List<String> refChain = new ArrayList<>();
    private final Set<String> translatedResources = new HashSet<>();

    /** Where a node sits: the variant document and its JSON pointer. */
    record Here(Variant variant, String pointer) {

        Here child(String... segments) {
            StringBuilder pointer = new StringBuilder(this.pointer);
            for (String segment : segments) {
                pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
            return new Here(variant, pointer.toString());
        }

        String key() {
            return variant.name() + pointer;
        }
    }

    SchemaTranslator(SchemaSet schemas, ConversionReport report) {
        this.schemas = schemas;
        this.report = report;
    }

    /** Components in name order. */
    Map<String, ObjectNode> components() {
        return components;
    }

    /** Reserves a name that no schema component may take (a hand-written component of the document). */
    void reserve(String name, ObjectNode schema) {
        claim(name, "built-in:" + name);
        components.put(name, schema);
    }

    /** Claims the names of every resource definition of every variant before any nested object can take them. */
    void claimResources() {
        Set<String> definitions = new java.util.TreeSet<>();
        for (Variant variant : schemas.variants()) {
            variant.root().path("definitions").propertyNames().forEach(definitions::add);
        }
        for (String definition : definitions) {
            Here here = home(definition);
            claim(Names.pascal(definition), here.key());
        }
        for (String definition : definitions) {
            resource(definition, home(definition).variant());
        }
    }

    private Here home(String definition) {
        Variant home = schemas.variants().stream()
                .filter(v -> v.root().path("definitions").has(definition))
                .findFirst().orElse(schemas.contract());
        return new Here(home, "#/definitions/" + definition);
    }

    /**
     * A {@code $ref} to the component of a top-level resource definition as seen from a variant, translating it on
     * first use. A definition that variant reshapes gets a component of its own, named with the variant's suffix
     * ({@code AppSdk}).
     */
    ObjectNode resource(String definition, Variant from) {
        String pointer = "#/definitions/" + definition;
        SchemaSet.Resolved resolved = schemas.resolve(pointer, from, pointer);
        Here here = new Here(resolved.variant(), pointer);
        String name = componentBySource.get(here.key());
        if (name == null) {
            boolean copy = resolved.variant() != home(definition).variant();
            name = claim(Names.pascal(definition) + (copy ? SchemaSet.suffix(resolved.variant()) : ""), here.key());
        }
        if (translatedResources.add(name)) {
            components.put(name, NODES.objectNode()); // placeholder: a resource may refer to itself
            ObjectNode schema = translateRoot(resolved.node(), here, name);
            String stability = resolved.node().path("stability").asString("");
            if (!stability.isEmpty()) {
                schema.put("description", join(schema.path("description").asString(""), "Stability: " + stability + "."));
                schema.put("x-stability", stability);
            }
            components.put(name, schema);
        }
        return ref(name);
    }

    /**
     * Translates a schema that is to become a component of the given name itself (a resource, a request body),
     * rather than being hoisted under a name derived from its place.
     */
    ObjectNode translateRoot(JsonNode node, Here here, String name) {
        return translate(node, here, name, false);
    }

    /** Translates a schema in place; objects with properties are hoisted into components named {@code hint}. */
    ObjectNode translate(JsonNode node, Here here, String hint) {
        return translate(node, here, hint, true);
    }

    /** The object schema behind a translated schema: the component itself when it is a {@code $ref}. */
    ObjectNode objectView(ObjectNode schema) {
        ObjectNode target = schema;
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            target = (ObjectNode) schema.get("allOf").get(0);
        }
        if (target.has("$ref")) {
            String name = target.get("$ref").asString().substring("#/components/schemas/".length());
            return components.get(name);
        }
        return schema;
    }

    /** Hoists an object schema into a component named {@code name} (made unique) and returns a reference to it. */
    ObjectNode hoist(String name, String sourceKey, ObjectNode schema) {
        String unique = claim(name, sourceKey);
        components.put(unique, schema);
        return ref(unique);
    }

    private ObjectNode translate(JsonNode node, Here here, String hint, boolean hoist) {
        if (node.isBoolean()) {
            return NODES.objectNode(); // draft-04 allows true as "anything"
        }
        if (!node.isObject()) {
            throw new ConversionException(here.variant().source(), here.pointer(),
                    "a schema must be a JSON object, found " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (node.has("$ref")) {
            return translateRef(node, here, hint, hoist);
        }
        if (node.has("anyOf") || node.has("oneOf") || node.has("allOf")) {
            return translateAlternatives(node, here, hint, hoist);
        }
        Types types = types(node, here);
        ObjectNode out = NODES.objectNode();
        switch (types.type == null ? "" : types.type) {
            case "object" -> {
                if (hoist && node.path("properties").isObject() && !node.get("properties").isEmpty()) {
                    ObjectNode ref = named(node, here, hint);
                    return types.nullable ? nullable(ref, describe(node)) : ref;
                }
                out = translateObject(node, here, hint);
            }
            case "array" -> {
                out.put("type", "array");
                JsonNode items = node.get("items");
                out.set("items", items == null ? NODES.objectNode() : translate(items, here.child("items"), hint + "Item"));
            }
            case "" -> {
                // no usable type: any JSON value
            }
            default -> {
                out.put("type", types.type);
                if (types.type.equals("integer") && !node.has("format")) {
                    out.put("format", "int64"); // Heroku's integers (sizes, counts) outgrow 32 bits
                }
            }
        }
        copyCommon(node, here, out);
        if (types.nullable) {
            out.put("nullable", true);
        }
        return out;
    }

    /** An object with properties as a component; the name is claimed first, so a schema may refer to itself. */
    private ObjectNode named(JsonNode node, Here here, String hint) {
        String existing = componentBySource.get(here.key());
        if (existing != null) {
            return ref(existing);
        }
        String name = claim(hint, here.key());
        components.put(name, NODES.objectNode());
        ObjectNode object = translateObject(node, here, name);
        copyCommon(node, here, object);
        components.put(name, object);
        return ref(name);
    }

    private ObjectNode hoisted(Here here, String hint, ObjectNode object) {
        String existing = componentBySource.get(here.key());
        if (existing != null) {
            return ref(existing);
        }
        return hoist(hint, here.key(), object);
    }

    private ObjectNode translateObject(JsonNode node, Here here, String hint) {
        ObjectNode out = NODES.objectNode();
        out.put("type", "object");
        JsonNode properties = node.path("properties");
        if (properties.isObject() && !properties.isEmpty()) {
            ObjectNode translated = out.putObject("properties");
            for (String name : properties.propertyNames()) {
                translated.set(name, translate(properties.get(name), here.child("properties", name), hint + Names.pascal(name)));
            }
            ArrayNode required = NODES.arrayNode();
            for (JsonNode field : node.path("required")) {
                if (properties.has(field.asString())) {
                    required.add(field.asString());
                } else {
                    report.note(here.variant().name() + " " + here.pointer() + ": required '" + field.asString()
                            + "' is not a property; ignored");
                }
            }
            if (!required.isEmpty()) {
                out.set("required", required);
            }
        } else if (node.path("patternProperties").isObject() && !node.get("patternProperties").isEmpty()) {
            // Maps such as config vars: keys match a pattern, and OpenAPI 3.0 has no patterns for keys.
            List<ObjectNode> values = new ArrayList<>();
            JsonNode patterns = node.get("patternProperties");
            for (String pattern : patterns.propertyNames()) {
                values.add(translate(patterns.get(pattern), here.child("patternProperties", pattern), hint + "Value"));
            }
            out.set("additionalProperties", values.stream().distinct().count() == 1 ? values.get(0) : NODES.objectNode());
        } else if (node.path("additionalProperties").isObject()) {
            out.set("additionalProperties", translate(node.get("additionalProperties"), here.child("additionalProperties"),
                    hint + "Value"));
        }
        if (node.path("additionalProperties").isBoolean()) {
            report.dropped("additionalProperties: " + node.get("additionalProperties").asBoolean(), here.key());
        }
        return out;
    }

    private ObjectNode translateRef(JsonNode node, Here here, String hint, boolean hoist) {
        String ref = node.get("$ref").asString("");
        SchemaSet.Resolved target = schemas.resolve(ref, here.variant(), here.pointer() + "/$ref");
        Here there = new Here(target.variant(), target.pointer());
        String existing = componentBySource.get(there.key());
        if (existing != null && !node.has("properties")) {
            return types(node, here).nullable ? nullable(ref(existing), describe(node)) : ref(existing);
        }
        if (refChain.contains(there.key())) {
            throw new ConversionException(here.variant().source(), here.pointer() + "/$ref",
                    "$ref cycle: " + String.join(" -> ", refChain) + " -> " + there.key());
        }
        Types types = types(node, here);
        ObjectNode resolved;
        refChain.add(there.key());
        try {
            if (RESOURCE.matcher(target.pointer()).matches()) {
                resolved = resource(target.pointer().substring("#/definitions/".length()), target.variant());
            } else {
                String name = nameFromPointer(target.pointer());
                String definition = target.pointer().split("/")[2];
                if (target.variant() != schemas.contract() && schemas.reshaped(definition)) {
                    // the reshaped variant's own copy: AppSdkOwner beside AppOwner
                    int after = Names.pascal(definition).length();
                    name = name.substring(0, after) + SchemaSet.suffix(target.variant()) + name.substring(after);
                }
                resolved = translate(target.node(), there, name, true);
            }
        } finally {
            refChain.remove(refChain.size() - 1);
        }
        if (node.has("properties")) {
            // A schema that is a $ref plus properties of its own: the referenced object, extended.
            ObjectNode merged = objectView(resolved).deepCopy();
            ObjectNode own = translateObject(node, here, hint);
            ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
            own.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
            merged.put("type", "object");
            copyCommon(node, here, merged);
            return hoist ? hoisted(here, hint, merged) : merged;
        }
        if (resolved.has("$ref") || resolved.has("allOf")) {
            boolean nullable = types.nullable || resolved.path("nullable").asBoolean(false);
            return nullable ? nullable(resolved.has("allOf") ? (ObjectNode) resolved.get("allOf").get(0) : resolved, describe(node)) : resolved;
        }
        // A scalar, array or map: inline it, with the siblings of $ref taking precedence.
        ObjectNode out = resolved.deepCopy();
        copyCommon(node, here, out);
        if (types.type != null && !out.has("type")) {
            out.put("type", types.type);
        }
        if (types.nullable) {
            out.put("nullable", true);
        }
        return out;
    }

    /**
     * anyOf/oneOf/allOf never reach the models: alternatives of scalars (Heroku's identities: id or name) become one
     * scalar, usually a string; alternatives of objects become one object with the union of their properties.
     */
    private ObjectNode translateAlternatives(JsonNode node, Here here, String hint, boolean hoist) {
        String keyword = node.has("anyOf") ? "anyOf" : node.has("oneOf") ? "oneOf" : "allOf";
        JsonNode members = node.get(keyword);
        if (!members.isArray() || members.isEmpty()) {
            throw new ConversionException(here.variant().source(), here.pointer() + "/" + keyword, "must be a non-empty array");
        }
        boolean nullable = types(node, here).nullable;
        List<ObjectNode> objects = new ArrayList<>();
        Set<String> scalarTypes = new LinkedHashSet<>();
        List<String> descriptions = new ArrayList<>();
        JsonNode example = null;
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            if (member.isObject() && member.path("type").asString("").equals("null")) {
                nullable = true;
                continue;
            }
            ObjectNode translated = translate(member, here.child(keyword, String.valueOf(i)), hint, false);
            ObjectNode view = objectView(translated);
            if (view.has("properties") || "object".equals(view.path("type").asString(""))) {
                objects.add(view);
            } else {
                scalarTypes.add(view.path("type").asString("string"));
                if (view.hasNonNull("description")) {
                    descriptions.add(view.get("description").asString());
                }
                if (example == null && view.has("example")) {
                    example = view.get("example");
                }
            }
        }
        ObjectNode out;
        if (!objects.isEmpty()) {
            if (!scalarTypes.isEmpty()) {
                report.note(here.key() + ": " + keyword + " mixes objects and scalars; the object form is used");
            }
            out = unite(objects, keyword.equals("allOf"));
            copyCommon(node, here, out);
            if (hoist && out.has("properties")) {
                ObjectNode ref = hoisted(here, hint, out);
                return nullable ? nullable(ref, describe(node)) : ref;
            }
        } else {
            out = NODES.objectNode();
            out.put("type", scalarTypes.size() == 1 ? scalarTypes.iterator().next() : "string");
            if (out.get("type").asString().equals("integer")) {
                out.put("format", "int64");
            }
            if (!descriptions.isEmpty()) {
                out.put("description", String.join(" or ", new LinkedHashSet<>(descriptions)));
            }
            if (example != null) {
                out.set("example", example);
            }
            copyCommon(node, here, out);
        }
        if (nullable) {
            out.put("nullable", true);
        }
        return out;
    }

    /** One object with every member's properties; required only where all members (or, for allOf, any) require it. */
    private static ObjectNode unite(List<ObjectNode> objects, boolean allRequired) {
        ObjectNode out = NODES.objectNode();
        out.put("type", "object");
        ObjectNode properties = NODES.objectNode();
        Set<String> required = null;
        for (ObjectNode object : objects) {
            object.path("properties").properties().forEach(e -> {
                if (!properties.has(e.getKey())) {
                    properties.set(e.getKey(), e.getValue());
                }
            });
            Set<String> these = new LinkedHashSet<>();
            object.path("required").forEach(r -> these.add(r.asString()));
            if (required == null) {
                required = these;
            } else if (allRequired) {
                required.addAll(these);
            } else {
                required.retainAll(these);
            }
        }
        if (!properties.isEmpty()) {
            out.set("properties", properties);
        }
        if (required != null && !required.isEmpty()) {
            ArrayNode array = out.putArray("required");
            required.forEach(array::add);
        }
        return out;
    }

    /** Merges request bodies of several links into one object (used for merged operations). */
    ObjectNode unite(List<ObjectNode> objects) {
        return unite(objects, false);
    }

    private void copyCommon(JsonNode node, Here here, ObjectNode out) {
        for (String keyword : node.propertyNames()) {
            if (keyword.equals("format") && node.get(keyword).asString().equals("uri")) {
                // java.net.URI is stricter than Heroku's data (its own examples put dates in uri fields): a string
                // that does not parse must not make a whole response undecodable.
                report.dropped("format: uri", here.key());
            } else if (COPIED.contains(keyword)) {
                out.set(keyword, node.get(keyword));
            } else if (DROPPED.contains(keyword)) {
                report.dropped(keyword, here.key());
            } else if (!READ.contains(keyword)) {
                // Not a keyword we know: keep it, marked as an extension, rather than lose it.
                out.set("x-heroku-" + keyword, node.get(keyword));
                report.dropped(keyword + " (kept as x-heroku-" + keyword + ")", here.key());
            }
        }
        String description = describe(node);
        if (!description.isEmpty()) {
            out.put("description", description);
        }
        if (out.has("enum") && out.get("enum").isArray()) {
            ArrayNode values = NODES.arrayNode();
            out.get("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v);
                }
            });
            out.set("enum", values);
        }
    }

    /** The description, with a default value mentioned rather than emitted (a default would be sent in every request). */
    private static String describe(JsonNode node) {
        String description = node.path("description").asString("");
        if (node.has("default")) {
            description = join(description, "Default: `" + node.get("default") + "`.");
        }
        return description;
    }

    private static ObjectNode nullable(ObjectNode ref, String description) {
        ObjectNode out = NODES.objectNode();
        out.put("nullable", true);
        if (!description.isEmpty()) {
            out.put("description", description);
        }
        out.putArray("allOf").add(ref);
        return out;
    }

    private record Types(String type, boolean nullable) {
    }

    private Types types(JsonNode node, Here here) {
        JsonNode type = node.get("type");
        List<String> names = new ArrayList<>();
        if (type != null) {
            if (type.isString()) {
                names.add(type.asString());
            } else if (type.isArray()) {
                type.forEach(t -> names.add(t.asString()));
            } else {
                throw new ConversionException(here.variant().source(), here.pointer() + "/type",
                        "must be a type name or an array of type names");
            }
        }
        for (String name : names) {
            if (!Set.of("object", "array", "string", "integer", "number", "boolean", "null").contains(name)) {
                throw new ConversionException(here.variant().source(), here.pointer() + "/type", "unknown type '" + name + "'");
            }
        }
        boolean nullable = names.remove("null");
        if (names.isEmpty()) {
            if (node.has("properties") || node.has("patternProperties")) {
                return new Types("object", nullable);
            }
            return new Types(node.has("items") ? "array" : null, nullable);
        }
        if (names.size() > 1) {
            report.note(here.key() + ": several types " + names + "; any JSON value is accepted");
            return new Types(null, nullable);
        }
        return new Types(names.get(0), nullable);
    }

    /**
     * OpenAPI 3.0.3 ignores {@code nullable} without a sibling {@code type} (generators may then make the field
     * non-nullable), so every nullable schema of the document states its type: a nullable ref
     * ({@code nullable} + {@code allOf: [$ref]}) takes the referenced schema's type; a schema with no type at all
     * (any JSON value, null included) drops the {@code nullable} it does not need. Examples and extensions are data
     * and left alone.
     */
    void typeNullables(JsonNode node, String at) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                typeNullables(node.get(i), at + "/" + i);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.path("nullable").isBoolean() && !object.has("type")) {
            String type = typeOf(object, new HashSet<>());
            if (type == null) {
                object.remove("nullable");
                report.note(at + ": nullable without a type (any JSON value, null included); nullable dropped");
            } else {
                ObjectNode rest = object.deepCopy();
                object.removeAll();
                object.put("type", type);
                object.setAll(rest);
            }
        }
        for (String name : List.copyOf(object.propertyNames())) {
            JsonNode value = object.get(name);
            if (name.equals("properties") && value.isObject()) {
                for (String property : value.propertyNames()) {
                    typeNullables(value.get(property), at + "/properties/" + property);
                }
            } else if (!name.equals("example") && !name.equals("enum") && !name.startsWith("x-")) {
                typeNullables(value, at + "/" + name);
            }
        }
    }

    /** The type a schema states, through its {@code $ref} or an {@code allOf} whose members agree; null if none. */
    private String typeOf(JsonNode schema, Set<String> seen) {
        if (schema.path("type").isString()) {
            return schema.get("type").asString();
        }
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            String name = ref.substring("#/components/schemas/".length());
            return seen.add(name) && components.containsKey(name) ? typeOf(components.get(name), seen) : null;
        }
        Set<String> types = new HashSet<>();
        for (JsonNode member : schema.path("allOf")) {
            types.add(typeOf(member, seen));
        }
        return types.size() == 1 ? types.iterator().next() : null;
    }

    /** {@code #/definitions/app/definitions/owner} becomes {@code AppOwner}. */
    private static String nameFromPointer(String pointer) {
        StringBuilder name = new StringBuilder();
        String[] segments = pointer.substring(2).split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean keyword = segment.equals("definitions") || segment.equals("properties") || segment.equals("items");
            if (!keyword || (i > 0 && (segments[i - 1].equals("properties") || segments[i - 1].equals("definitions")))) {
                name.append(Names.pascal(segment.replace("~1", "/").replace("~0", "~")));
            }
        }
        return name.toString();
    }

    private String claim(String wanted, String sourceKey) {
        String name = wanted.isEmpty() ? "Schema" : wanted;
        if (Character.isDigit(name.charAt(0))) {
            name = "Schema" + name;
        }
        String unique = name;
        for (int n = 2; sourceByComponent.containsKey(unique); n++) {
            unique = name + "Object" + (n == 2 ? "" : n);
        }
        if (!unique.equals(name)) {
            report.renamed(sourceKey + " would be " + name + ", which " + sourceByComponent.get(name) + " has; named " + unique);
        }
        sourceByComponent.put(unique, sourceKey);
        componentBySource.put(sourceKey, unique);
        return unique;
    }

    private static ObjectNode ref(String component) {
        ObjectNode ref = NODES.objectNode();
        ref.put("$ref", "#/components/schemas/" + component);
        return ref;
    }

    private static String join(String first, String second) {
        return first.isBlank() ? second : first.strip() + "\n\n" + second;
    }

    /** Every {@code $ref} in a document must resolve, wherever it stands (examples aside). */
    void checkReferences(Variant variant) {
        checkReferences(variant, variant.root(), new Here(variant, "#"), new HashSet<>());
    }

    private void checkReferences(Variant variant, JsonNode node, Here here, Set<String> seen) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                if (!node.get("$ref").isString()) {
                    throw new ConversionException(variant.source(), here.pointer() + "/$ref", "must be a string");
                }
                schemas.resolve(node.get("$ref").asString(), variant, here.pointer() + "/$ref");
            }
            for (String name : node.propertyNames()) {
                if (!name.equals("example")) {
                    checkReferences(variant, node.get(name), here.child(name), seen);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(variant, node.get(i), here.child(String.valueOf(i)), seen);
            }
        }
    }
}
