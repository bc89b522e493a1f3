package dev.heroku4j.converter;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Converts small schemas written in the tests (single quotes for readability) and reads the result back. */
final class Fixture {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Fixture() {
    }

    /** A draft-04 schema with the given definitions (JSON with ' for "). */
    static String schema(String definitions) {
        return ("{'$schema': 'http://interagent.github.io/interagent-hyper-schema', 'type': ['object'],"
                + " 'title': 'Fixture API', 'definitions': {" + definitions + "}}").replace('\'', '"');
    }

    static SchemaConverter converter(String v3) {
        return new SchemaConverter().patches("no-patches", "[]").waiters("no-waiters", "[]")
                .schema("v3.json", "3", schema(v3).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode convert(String v3) {
        return read(converter(v3).convert());
    }

    static JsonNode read(SchemaConverter.Result result) {
        return YAML.readTree(result.yaml());
    }

    /** The operation at a path and method, e.g. {@code op(doc, "/apps/{app_id_or_name}", "get")}. */
    static JsonNode op(JsonNode document, String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        if (operation.isMissingNode()) {
            throw new AssertionError("no " + method + " " + path + " in " + document.path("paths").propertyNames());
        }
        return operation;
    }

    static JsonNode component(JsonNode document, String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new AssertionError("no component " + name + " in " + document.path("components").path("schemas").propertyNames());
        }
        return schema;
    }

    /** An app resource much like Heroku's, with an identity, a nested owner and the usual links. */
    static final String APP = """
            'app': {
              'description': 'An app.', 'stability': 'production', 'strictProperties': true, 'type': ['object'],
              'definitions': {
                'id': {'description': 'unique identifier of app', 'format': 'uuid', 'readOnly': true, 'type': ['string']},
                'name': {'description': 'unique name of app', 'readOnly': false, 'type': ['string']},
                'identity': {'anyOf': [{'$ref': '#/definitions/app/definitions/id'}, {'$ref': '#/definitions/app/definitions/name'}]},
                'maintenance': {'description': 'in maintenance', 'default': false, 'readOnly': false, 'type': ['boolean']}
              },
              'properties': {
                'id': {'$ref': '#/definitions/app/definitions/id'},
                'name': {'$ref': '#/definitions/app/definitions/name'},
                'maintenance': {'$ref': '#/definitions/app/definitions/maintenance'},
                'owner': {'description': 'owner of app', 'type': ['object'], 'strictProperties': true,
                          'properties': {'email': {'type': ['string'], 'format': 'email'}, 'id': {'type': ['string'], 'format': 'uuid'}}},
                'released_at': {'description': 'when released', 'format': 'date-time', 'type': ['null', 'string']},
                'slug_size': {'description': 'slug size', 'type': ['integer', 'null']}
              },
              'links': [
                {'title': 'Create', 'rel': 'create', 'method': 'POST', 'href': '/apps', 'targetSchema': {'$ref': '#/definitions/app'},
                 'schema': {'type': ['object'], 'properties': {'name': {'$ref': '#/definitions/app/definitions/name'}}}},
                {'title': 'Info', 'rel': 'self', 'method': 'GET', 'description': 'Info for existing app.',
                 'href': '/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}', 'targetSchema': {'$ref': '#/definitions/app'}},
                {'title': 'List', 'rel': 'instances', 'method': 'GET', 'href': '/apps', 'ranges': ['id', 'name'],
                 'targetSchema': {'type': ['array'], 'items': {'$ref': '#/definitions/app'}}},
                {'title': 'Update', 'rel': 'update', 'method': 'PATCH',
                 'href': '/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}', 'targetSchema': {'$ref': '#/definitions/app'},
                 'schema': {'type': ['object'], 'properties': {
                    'maintenance': {'$ref': '#/definitions/app/definitions/maintenance'},
                    'name': {'$ref': '#/definitions/app/definitions/name'}}}},
                {'title': 'Delete', 'rel': 'destroy', 'method': 'DELETE',
                 'href': '/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}', 'targetSchema': {'$ref': '#/definitions/app'}}
              ]
            }""";
}
