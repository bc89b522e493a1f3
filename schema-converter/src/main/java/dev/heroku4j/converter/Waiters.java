package dev.heroku4j.converter;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which states of a resource end a wait, kept as data ({@code heroku-waiters.json}) beside the patches: per resource,
 * the link to poll, the field holding the state, the states that are terminal success, terminal failure and in
 * progress, the fields that explain a failure, a default deadline, and a reason. Each becomes an
 * {@code x-heroku4j-waiter} extension on the polled operation, from which the templates generate a waiter on both
 * clients. The data must match the schema: every value of the state's enum in exactly one group, every detail field
 * a property of the resource; a mismatch (Heroku added a state) fails the conversion, naming the entry.
 * Resources with a state enum that is no lifecycle say so with {@code "none": true} and a reason.
 */
final class Waiters {

    static final String RESOURCE = "heroku-waiters.json";
    static final String EXTENSION = "x-heroku4j-waiter";
    private static final List<String> GROUPS = List.of("success", "failure", "pending");
    private static final List<String> STATE_FIELDS = List.of("status", "state");

    private final String source;
    private final JsonNode entries;

    private Waiters(String source, JsonNode entries) {
        this.source = source;
        this.entries = entries;
    }

    static Waiters builtIn() {
        try (InputStream in = Waiters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the converter's jar");
            }
            return parse(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static Waiters parse(String source, byte[] content) {
        JsonNode root = SchemaLoader.parseAny(source, content);
        if (!root.isArray()) {
            throw new ConversionException(source, "", "waiters must be a JSON array");
        }
        return new Waiters(source, root);
    }

    /** Checks every entry against the schema and marks the operations to poll. */
    void apply(ObjectNode document, List<Variant> variants, ConversionReport report) {
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String at = "/" + i;
            String resource = text(entry, at, "resource");
            text(entry, at, "reason");
            if (!covered.add(resource)) {
                throw new ConversionException(source, at + "/resource", "'" + resource + "' is listed twice");
            }
            JsonNode definition = definition(variants, resource);
            if (definition == null) {
                throw new ConversionException(source, at + "/resource", "no definition '" + resource + "' in the schema");
            }
            if (entry.path("none").asBoolean(false)) {
                continue;
            }
            ObjectNode operation = operation(document, resource, text(entry, at, "link"), at);
            ObjectNode waiter = extension(entry, at, resource, definition);
            operation.set(EXTENSION, waiter);
            report.note("waiter " + waiter.path("method").asString() + " polls " + operation.path("operationId").asString()
                    + " until " + resource + "." + waiter.path("field").asString() + " is terminal");
        }
        for (Variant variant : variants) {
            variant.root().path("definitions").properties().forEach(e -> {
                if (stateEnum(e.getValue()) != null && !covered.contains(e.getKey())) {
                    report.unwaited(e.getKey());
                    covered.add(e.getKey());
                }
            });
        }
    }

    private ObjectNode extension(JsonNode entry, String at, String resource, JsonNode definition) {
        String field = text(entry, at, "field");
        JsonNode property = definition.path("definitions").path(field);
        if (property.isMissingNode()) {
            throw new ConversionException(source, at + "/field", "'" + resource + "' has no field '" + field + "'");
        }
        Set<String> seen = new LinkedHashSet<>();
        ObjectNode out = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.put("method", Names.camel(resource) + "Wait");
        out.put("resource", resource);
        out.put("field", field);
        for (String group : GROUPS) {
            ArrayNode states = out.putArray(group);
            for (JsonNode state : array(entry, at, group)) {
                if (!seen.add(state.asString())) {
                    throw new ConversionException(source, at + "/" + group, "state '" + state.asString() + "' is in two groups");
                }
                states.add(state.asString());
            }
        }
        if (out.path("success").isEmpty()) {
            throw new ConversionException(source, at + "/success", "a waiter needs at least one success state");
        }
        JsonNode values = property.get("enum");
        if (values != null) {
            Set<String> schema = new LinkedHashSet<>();
            values.forEach(v -> schema.add(v.asString()));
            if (!schema.equals(seen)) {
                throw new ConversionException(source, at, "the states of " + resource + "." + field + " are " + schema
                        + " in the schema but " + seen + " here: put each in exactly one of success, failure, pending");
            }
        } else if (!entry.path("states").isString()) {
            throw new ConversionException(source, at + "/states", resource + "." + field
                    + " has no enum in the schema: say where the states come from");
        }
        ArrayNode detail = out.putArray("detail");
        for (JsonNode name : array(entry, at, "detail")) {
            if (!definition.path("properties").has(name.asString())) {
                throw new ConversionException(source, at + "/detail", "'" + resource + "' has no property '" + name.asString() + "'");
            }
            detail.add(name.asString());
        }
        String deadline = text(entry, at, "deadline");
        try {
            if (Duration.parse(deadline).compareTo(Duration.ZERO) <= 0) {
                throw new DateTimeParseException("not positive", deadline, 0);
            }
        } catch (DateTimeParseException e) {
            throw new ConversionException(source, at + "/deadline", "'" + deadline + "' is not a positive ISO-8601 duration (PT30M)");
        }
        out.put("deadline", deadline);
        out.put("reason", entry.get("reason").asString());
        return out;
    }

    /** The GET operation made from the resource's link of that title. */
    private ObjectNode operation(ObjectNode document, String resource, String title, String at) {
        String tag = Names.pascal(resource);
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode item : document.path("paths")) {
            JsonNode get = item.path("get");
            if (get instanceof ObjectNode op && tag.equals(op.path("tags").path(0).asString())
                    && title.equals(op.path("summary").asString())) {
                found.add(op);
            }
        }
        if (found.size() != 1) {
            throw new ConversionException(source, at + "/link", found.size() + " GET operations of '" + resource
                    + "' are titled '" + title + "'; name exactly one");
        }
        return found.get(0);
    }

    private static JsonNode definition(List<Variant> variants, String resource) {
        for (Variant variant : variants) {
            JsonNode definition = variant.root().path("definitions").path(resource);
            if (!definition.isMissingNode()) {
                return definition;
            }
        }
        return null;
    }

    /** The enum of a definition's status or state, or null. */
    private static JsonNode stateEnum(JsonNode definition) {
        for (String field : STATE_FIELDS) {
            JsonNode values = definition.path("definitions").path(field).get("enum");
            if (values != null) {
                return values;
            }
        }
        return null;
    }

    private JsonNode array(JsonNode entry, String at, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isArray()) {
            throw new ConversionException(source, at + "/" + field, "missing or not an array");
        }
        for (JsonNode item : value) {
            if (!item.isString() || item.asString().isBlank()) {
                throw new ConversionException(source, at + "/" + field, "holds " + item + ", not a name");
            }
        }
        return value;
    }

    private String text(JsonNode entry, String at, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new ConversionException(source, at + "/" + field, "missing or empty");
        }
        return value.asString();
    }
}
