package dev.heroku4j.converter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The variants being converted, contract variant first, and the one place where {@code $ref}s are resolved.
 * A pointer resolves in the contract variant when it exists there, so shared definitions follow {@code version=3}.
 */
final class SchemaSet {

    /** A resolved reference: the node and where it came from. */
    record Resolved(Variant variant, String pointer, JsonNode node) {
    }

    private final List<Variant> variants;

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
        for (Variant variant : searchOrder(from)) {
            JsonNode node = variant.root().at(jsonPointer);
            if (!node.isMissingNode()) {
                return new Resolved(variant, ref, node);
            }
        }
        throw new ConversionException(from.source(), at, "$ref '" + ref + "' does not resolve");
    }

    private List<Variant> searchOrder(Variant from) {
        List<Variant> order = new ArrayList<>();
        order.add(contract());
        if (from != contract()) {
            order.add(from);
        }
        return order;
    }
}
