package dev.heroku4j.converter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assembles the OpenAPI 3.0.3 document: one path item per operation, plus what Heroku's schema leaves out
 * (the Accept variant, Range paging, rate-limit and request-id headers, the shared error body, bearer auth).
 */
final class OpenApiBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String ERROR_SCHEMA = "HerokuError";
    private static final List<String> METHOD_ORDER = List.of("get", "put", "post", "delete", "options", "head", "patch");

    private final SchemaSet schemas;
    private final SchemaTranslator translator;
    private final ConversionReport report;

    OpenApiBuilder(SchemaSet schemas, ConversionReport report) {
        this.schemas = schemas;
        this.report = report;
        this.translator = new SchemaTranslator(schemas, report);
    }

    ObjectNode build(OperationIndex index) {
        for (Variant variant : schemas.variants()) {
            translator.checkReferences(variant);
        }
        translator.reserve(ERROR_SCHEMA, errorSchema());
        translator.claimResources();

        Map<String, ObjectNode> paths = new TreeMap<>();
        Map<String, String> tags = new TreeMap<>();
        for (Operation operation : index.operations()) {
            ObjectNode item = paths.computeIfAbsent(operation.path(), p -> NODES.objectNode());
            item.set(operation.method().toLowerCase(java.util.Locale.ROOT), operation(operation, tags));
            compareVariants(operation);
        }

        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.0.3");
        ObjectNode info = document.putObject("info");
        info.put("title", schemas.contract().root().path("title").asString("Heroku Platform API"));
        info.put("description", schemas.contract().root().path("description").asString("")
                + "\n\nConverted by heroku4j's schema-converter from Heroku's JSON Hyper-Schema (variants: "
                + String.join(", ", schemas.variants().stream().map(Variant::name).toList()) + ").");
        info.put("version", "3");
        document.putArray("servers").addObject().put("url", "https://api.heroku.com");
        document.putArray("security").addObject().putArray("bearerAuth");
        ArrayNode tagList = document.putArray("tags");
        tags.forEach((name, description) -> tagList.addObject().put("name", name).put("description", description));
        ObjectNode pathsNode = document.putObject("paths");
        paths.forEach((path, item) -> pathsNode.set(path, ordered(item)));
        document.set("components", components());
        translator.typeNullables(document, "#");
        IdentityShortcuts.mark(document, report);
        return document;
    }

    private ObjectNode operation(Operation operation, Map<String, String> tags) {
        Link primary = operation.primaryLink();
        JsonNode definition = primary.variant().root().path("definitions").path(primary.definition());
        String tag = Names.pascal(primary.definition());
        tags.putIfAbsent(tag, definition.path("description").asString(tag));
        String stability = definition.path("stability").asString("");
        List<Link> links = operation.definingLinks();

        ObjectNode out = NODES.objectNode();
        out.putArray("tags").add(tag);
        out.put("summary", primary.title());
        out.put("description", ""); // written once the response is known, keeping its place in the operation
        out.put("operationId", operation.operationId());

        ArrayNode parameters = out.putArray("parameters");
        for (Operation.PathParameter parameter : operation.pathParameters()) {
            ObjectNode node = parameters.addObject();
            node.put("name", parameter.name()).put("in", "path").put("required", true);
            if (!parameter.description().isEmpty()) {
                node.put("description", parameter.description());
            }
            node.putObject("schema").put("type", "string"); // identities are ids or names: never uuid-typed
        }
        List<Operation.PathParameter> path = operation.pathParameters();
        if (!path.isEmpty() && path.get(path.size() - 1).takesUuid()) {
            // the templates add an overload taking the last identity as the UUID a model carries
            out.put("x-heroku4j-uuid-last", true);
        }
        boolean list = isList(primary);
        if (list) {
            parameters.addObject().put("$ref", "#/components/parameters/Range");
        }
        boolean query = operation.method().equals("GET") || operation.method().equals("DELETE");
        List<ObjectNode> bodies = new ArrayList<>();
        for (Link link : links) {
            if (link.node().has("schema")) {
                SchemaTranslator.Here here = new SchemaTranslator.Here(link.variant(), link.pointer() + "/schema");
                bodies.add(translator.translateRoot(link.node().get("schema"), here, Names.pascal(operation.operationId()) + "Opts"));
            }
        }
        if (!bodies.isEmpty() && query) {
            queryParameters(bodies.get(0), parameters);
        } else if (!bodies.isEmpty()) {
            out.set("requestBody", requestBody(operation, bodies));
        }
        if (parameters.isEmpty()) {
            out.remove("parameters");
        }

        ObjectNode responses = out.putObject("responses");
        String mediaType = variantOf(operation).mediaType();
        ObjectNode schema = responseSchema(operation, primary);
        boolean empty = emptyObject(schema);
        if (empty) {
            report.bodiless(operation.method() + " " + operation.path() + " (" + operation.operationId() + ")");
            schema = null;
        }
        out.put("description", description(operation, links, stability, empty));
        String status = operation.method().equals("POST") && primary.rel().equals("create") ? "201" : "200";
        responses.set(status, response(list ? "The whole list, or its last page." : "Success.", schema, mediaType, false));
        if (list) {
            responses.set("206", response("A partial list: more items remain; request them with the Next-Range value as Range.",
                    schema, mediaType, true));
        }
        responses.putObject("default").put("$ref", "#/components/responses/Error");

        ArrayNode variants = out.putArray("x-heroku-variants");
        operation.variants().forEach(variants::add);
        out.put("x-heroku-rel", primary.rel());
        if (primary.node().has("ranges")) {
            out.set("x-heroku-ranges", primary.node().get("ranges"));
        }
        if (!stability.isEmpty()) {
            out.put("x-stability", stability);
        }
        ArrayNode sources = out.putArray("x-heroku-links");
        operation.links().forEach(link -> sources.add(link.variant().name() + " " + link.pointer()));
        return out;
    }

    /** The variant a client must ask for: the contract variant when it has the operation, else the first that does. */
    private Variant variantOf(Operation operation) {
        return operation.primaryLink().variant();
    }

    private static boolean isList(Link link) {
        JsonNode target = link.node().get("targetSchema");
        if (target == null) {
            return link.rel().equals("instances");
        }
        return target.has("items") || target.path("type").toString().contains("array");
    }

    /**
     * An object schema that can hold nothing: no properties, no additionalProperties (Heroku's
     * {@code {"type": ["object"], "additionalProperties": false}}, the {@code {}} that dyno restarts answer). Declared
     * as no response body, so the generated method returns nothing rather than an {@code Object}.
     */
    private static boolean emptyObject(ObjectNode schema) {
        if (schema == null || !"object".equals(schema.path("type").asString(""))) {
            return false;
        }
        for (String keyword : List.of("$ref", "properties", "additionalProperties", "allOf", "anyOf", "oneOf", "items")) {
            if (schema.has(keyword)) {
                return false;
            }
        }
        return true;
    }

    private String description(Operation operation, List<Link> links, String stability, boolean empty) {
        StringBuilder text = new StringBuilder(links.get(0).description());
        if (links.size() > 1) {
            List<String> merged = new ArrayList<>();
            links.forEach(link -> merged.add("'" + link.title() + "' (" + link.description().strip() + ")"));
            text.append("\n\nThis operation serves ").append(links.size()).append(" links of Heroku's schema that share ")
                    .append(operation.method()).append(' ').append(operation.path()).append(": ")
                    .append(String.join(", ", merged)).append(". Its request body unites their properties.");
            report.merged(operation.method() + " " + operation.path() + " (" + operation.operationId() + "): "
                    + String.join(" + ", links.stream().map(Link::title).toList()));
        }
        if (!operation.variants().contains(Variant.CONTRACT)) {
            text.append("\n\nOnly in the ").append(variantOf(operation).name()).append(" variant: requested with Accept: ")
                    .append(variantOf(operation).mediaType()).append('.');
        }
        if (empty) {
            text.append("\n\nHeroku answers an empty JSON object (`{}`): no response body is declared, so the call returns"
                    + " nothing.");
        }
        if (!stability.isEmpty()) {
            text.append("\n\nStability: ").append(stability).append('.');
        }
        return text.toString().strip();
    }

    private ObjectNode requestBody(Operation operation, List<ObjectNode> bodies) {
        ObjectNode schema;
        if (bodies.size() == 1) {
            schema = bodies.get(0);
        } else {
            List<ObjectNode> views = bodies.stream().map(translator::objectView).toList();
            schema = translator.unite(views);
        }
        boolean required = schema.has("required");
        if (schema.has("properties")) {
            String key = "body:" + operation.method() + " " + operation.path();
            schema = translator.hoist(Names.pascal(operation.operationId()) + "Opts", key, schema);
        }
        ObjectNode body = NODES.objectNode();
        body.put("required", required);
        body.putObject("content").putObject("application/json").set("schema", schema);
        return body;
    }

    /** Heroku reads the "schema" of GET links (usage reports) from the query string. */
    private void queryParameters(ObjectNode schema, ArrayNode parameters) {
        ObjectNode view = translator.objectView(schema);
        List<String> required = new ArrayList<>();
        view.path("required").forEach(r -> required.add(r.asString()));
        view.path("properties").properties().forEach(e -> {
            ObjectNode parameter = parameters.addObject();
            parameter.put("name", e.getKey()).put("in", "query").put("required", required.contains(e.getKey()));
            if (e.getValue().has("description")) {
                parameter.put("description", e.getValue().get("description").asString());
            }
            parameter.set("schema", e.getValue());
        });
    }

    private ObjectNode responseSchema(Operation operation, Link primary) {
        JsonNode target = primary.node().get("targetSchema");
        String hint = Names.pascal(operation.operationId()) + "Result";
        if (target == null) {
            if (primary.rel().equals("empty")) {
                return null;
            }
            ObjectNode resource = translator.resource(primary.definition(), primary.variant());
            if (!primary.rel().equals("instances")) {
                return resource;
            }
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", resource);
            return array;
        }
        for (Link other : operation.definingLinks()) {
            if (!other.node().path("targetSchema").equals(target)) {
                report.note(operation.method() + " " + operation.path() + ": merged links answer differently; '"
                        + primary.title() + "' decides the response type");
            }
        }
        if (primary.rel().equals("instances") && !isList(primary)) {
            report.note(operation.method() + " " + operation.path() + ": rel instances, but the targetSchema is one object;"
                    + " the targetSchema is followed");
        }
        SchemaTranslator.Here here = new SchemaTranslator.Here(primary.variant(), primary.pointer() + "/targetSchema");
        ObjectNode schema = translator.translate(target, here, hint);
        if (target.has("items") && !schema.has("type")) {
            schema.put("type", "array"); // an array response written without "type"
        }
        return schema;
    }

    private static ObjectNode response(String description, ObjectNode schema, String mediaType, boolean partial) {
        ObjectNode response = NODES.objectNode();
        response.put("description", description);
        ObjectNode headers = response.putObject("headers");
        headers.putObject("RateLimit-Remaining").put("$ref", "#/components/headers/RateLimit-Remaining");
        headers.putObject("Request-Id").put("$ref", "#/components/headers/Request-Id");
        if (partial) {
            headers.putObject("Next-Range").put("$ref", "#/components/headers/Next-Range");
        }
        if (schema != null) {
            response.putObject("content").putObject(mediaType).set("schema", schema);
        }
        return response;
    }

    private void compareVariants(Operation operation) {
        Variant first = operation.primaryLink().variant();
        List<Link> contract = operation.links().stream().filter(l -> l.variant() == first).toList();
        for (Link other : operation.links()) {
            if (other.variant() == first) {
                continue;
            }
            Link twin = contract.stream().filter(l -> l.title().equals(other.title())).findFirst().orElse(contract.get(0));
            List<String> differences = new ArrayList<>();
            for (String key : List.of("schema", "targetSchema", "description", "title", "rel", "ranges")) {
                if (!twin.node().path(key).equals(other.node().path(key))) {
                    differences.add(key);
                }
            }
            if (!differences.isEmpty()) {
                report.variantsDiffer(operation.method() + " " + operation.path() + " '" + other.title() + "': "
                        + String.join(", ", differences) + " differ in " + other.variant().name());
            }
        }
    }

    private static ObjectNode ordered(ObjectNode item) {
        ObjectNode out = NODES.objectNode();
        for (String method : METHOD_ORDER) {
            if (item.has(method)) {
                out.set(method, item.get(method));
            }
        }
        return out;
    }

    private ObjectNode components() {
        ObjectNode components = NODES.objectNode();
        ObjectNode schemasNode = components.putObject("schemas");
        translator.components().forEach(schemasNode::set);

        ObjectNode range = components.putObject("parameters").putObject("Range");
        range.put("name", "Range").put("in", "header").put("required", false);
        range.put("description", "Which page of a list to return: a sort field, an optional start value, and options, e.g. "
                + "'id ..; max=200, order=desc' (max is 1 to 1000, 200 by default). To continue a list, send the"
                + " Next-Range value of the previous response as it is.");
        range.putObject("schema").put("type", "string");
        range.put("example", "id ..; max=200, order=desc");

        ObjectNode headers = components.putObject("headers");
        header(headers, "RateLimit-Remaining", "integer", "Requests left in the caller's quota (4,500 an hour, refilled continuously).");
        header(headers, "Request-Id", "string", "Identifies the request in Heroku's logs; quote it to Heroku support.");
        header(headers, "Next-Range", "string", "The Range value that asks for the next page; opaque.");

        ObjectNode error = components.putObject("responses").putObject("Error");
        error.put("description", "An error, described by Heroku's id, message and url.");
        ObjectNode errorHeaders = error.putObject("headers");
        errorHeaders.putObject("RateLimit-Remaining").put("$ref", "#/components/headers/RateLimit-Remaining");
        errorHeaders.putObject("Request-Id").put("$ref", "#/components/headers/Request-Id");
        error.putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + ERROR_SCHEMA);

        components.putObject("securitySchemes").putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("description", "A Heroku API key (heroku auth:token, or HEROKU_API_KEY).");
        return components;
    }

    private static void header(ObjectNode headers, String name, String type, String description) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        ObjectNode schema = header.putObject("schema").put("type", type);
        if (type.equals("integer")) {
            schema.put("format", "int64");
        }
    }

    private static ObjectNode errorSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "The body of every Heroku error response.");
        ArrayNode required = schema.putArray("required");
        required.add("id").add("message");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("id").put("type", "string").put("description", "Machine-readable error id, e.g. not_found.")
                .put("example", "not_found");
        properties.putObject("message").put("type", "string").put("description", "What went wrong, for people.");
        properties.putObject("url").put("type", "string").put("description", "Where to read more about the error.");
        return schema;
    }
}
