package dev.heroku4j.converter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variants being converted, contract variant first, and the one place where {@code $ref}s are resolved.
 * A pointer resolves in the contract variant when it exists there, so shared definitions follow {@code version=3}.
 */
final class SchemaSet {

    /** A resolved reference: the node and where it came from. */
    record Resolved(Variant variant, String pointer, JsonNode node) {
    }

    private static final Set<String> SHAPELESS = Set.of("description", "example", "title", "stability", "readOnly",
            "readonly", "$schema", "links");

    private final List<Variant> variants;
    private final Set<String> reshaped;

    SchemaSet(List<Variant> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("at least one schema variant is needed");
        }
        List<Variant> ordered = new ArrayList<>(variants);
        ordered.sort(Comparator.comparing((Variant v) -> !v.name().equals(Variant.CONTRACT)).thenComparing(Variant::name));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).name().equals(ordered.get(i - 1).name())) {
                throw new ConversionException(ordered.get(i).source(), "",
                        "variant " + ordered.get(i).name() + " is given twice (also " + ordered.get(i - 1).source() + ")");
            }
        }
        this.variants = List.copyOf(ordered);
        this.reshaped = reshaped(this.variants);
    }

    /**
     * Definitions that another variant shapes differently from the contract variant (types, properties, required:
     * descriptions and examples aside). An operation only in that other variant answers in its own shape.
     */
    private static Set<String> reshaped(List<Variant> variants) {
        Set<String> reshaped = new HashSet<>();
        JsonNode contract = variants.get(0).root().path("definitions");
        for (Variant other : variants.subList(1, variants.size())) {
            JsonNode definitions = other.root().path("definitions");
            for (String name : definitions.propertyNames()) {
                if (contract.has(name) && !shape(contract.get(name)).equals(shape(definitions.get(name)))) {
                    reshaped.add(name);
                }
            }
        }
        return reshaped;
    }

    private static JsonNode shape(JsonNode node) {
        if (node.isObject()) {
            ObjectNode shape = JsonNodeFactory.instance.objectNode();
            for (String key : node.propertyNames()) {
                if (!SHAPELESS.contains(key)) {
                    shape.set(key, shape(node.get(key)));
                }
            }
            return shape;
        }
        if (node.isArray()) {
            ArrayNode shape = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> shape.add(shape(item)));
            return shape;
        }
        return node;
    }

    /** Whether {@code definition} is shaped differently in some variant than in the contract variant. */
    boolean reshaped(String definition) {
        return reshaped.contains(definition);
    }

    /** A name suffix for copies of definitions in a non-contract variant: {@code 3.sdk} gives {@code Sdk}. */
    static String suffix(Variant variant) {
        String word = Names.pascal(variant.name().replaceFirst("^[0-9.]+", ""));
        return word.isEmpty() ? "V" + Names.pascal(variant.name()) : word;
    }

    List<Variant> variants() {
        return variants;
    }

    Variant contract() {
        return variants.get(0);
    }

    /**
     * Resolves a local reference such as {@code #/definitions/app/definitions/identity}.
     *
     * @param from    the variant the reference was written in, searched after the contract variant
     * @param at      pointer of the node holding the reference, for the error message
     */
    Resolved resolve(String ref, Variant from, String at) {
        if (!ref.startsWith("#/")) {
            throw new ConversionException(from.source(), at, "$ref '" + ref + "' is not a local reference (#/...)");
        }
        String pointer = ref.substring(1);
        JsonPointer jsonPointer;
        try {
            jsonPointer = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new ConversionException(from.source(), at, "$ref '" + ref + "' is not a valid JSON pointer");
        }
        for (Variant variant : searchOrder(from, pointer)) {
            JsonNode node = variant.root().at(jsonPointer);
            if (!node.isMissingNode()) {
                return new Resolved(variant, ref, node);
            }
        }
        throw new ConversionException(from.source(), at, "$ref '" + ref + "' does not resolve");
    }

    /**
     * The contract variant first, then the variant the reference was written in; the other way round for a
     * definition that variant reshapes, so an operation only in that variant keeps that variant's shape.
     */
    private List<Variant> searchOrder(Variant from, String pointer) {
        if (from == contract()) {
            return List.of(from);
        }
        String[] segments = pointer.split("/");
        boolean own = segments.length > 2 && segments[1].equals("definitions") && reshaped(segments[2]);
        return own ? List.of(from, contract()) : List.of(contract(), from);
    }
}
