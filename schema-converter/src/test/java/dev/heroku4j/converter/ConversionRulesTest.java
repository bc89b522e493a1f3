package dev.heroku4j.converter;

import static dev.heroku4j.converter.Fixture.APP;
import static dev.heroku4j.converter.Fixture.component;
import static dev.heroku4j.converter.Fixture.convert;
import static dev.heroku4j.converter.Fixture.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** One test per conversion rule of the module README, each on a small fixture schema. */
class ConversionRulesTest {

    private static final String TEAM_MEMBER = """
            'team': {'type': ['object'], 'definitions': {
                'id': {'type': ['string'], 'format': 'uuid', 'description': 'team id'},
                'name': {'type': ['string'], 'description': 'team name'},
                'identity': {'anyOf': [{'$ref': '#/definitions/team/definitions/name'}, {'$ref': '#/definitions/team/definitions/id'}]}},
              'properties': {'id': {'$ref': '#/definitions/team/definitions/id'}}, 'links': []},
            'team-member': {'type': ['object'], 'definitions': {
                'email': {'type': ['string'], 'description': 'member email'},
                'id': {'type': ['string'], 'format': 'uuid', 'description': 'member id'},
                'identity': {'anyOf': [{'$ref': '#/definitions/team-member/definitions/email'}, {'$ref': '#/definitions/team-member/definitions/id'}]}},
              'properties': {'email': {'$ref': '#/definitions/team-member/definitions/email'}},
              'links': [
                {'title': 'Delete', 'rel': 'destroy', 'method': 'DELETE', 'targetSchema': {'$ref': '#/definitions/team-member'},
                 'href': '/teams/{(%23%2Fdefinitions%2Fteam%2Fdefinitions%2Fidentity)}/members/{(%23%2Fdefinitions%2Fteam-member%2Fdefinitions%2Fidentity)}'},
                {'title': 'Info', 'rel': 'self', 'method': 'GET', 'targetSchema': {'$ref': '#/definitions/team-member'},
                 'href': '/teams/{(%23%2Fdefinitions%2Fteam%2Fdefinitions%2Fname)}/members/{(%23%2Fdefinitions%2Fteam-member%2Fdefinitions%2Femail)}'}
              ]}""";

    @Test
    void hrefTemplates_whenEncodedPointers_becomeReadableUniqueNamesSharedByThePath() {
        JsonNode doc = convert(TEAM_MEMBER);

        assertThat(doc.path("paths").propertyNames())
                .containsExactly("/teams/{team_id_or_name}/members/{team_member_email_or_id}");
        JsonNode delete = op(doc, "/teams/{team_id_or_name}/members/{team_member_email_or_id}", "delete");
        JsonNode get = op(doc, "/teams/{team_id_or_name}/members/{team_member_email_or_id}", "get");
        assertThat(delete.path("parameters").findValuesAsString("name")).containsExactly("team_id_or_name", "team_member_email_or_id");
        assertThat(get.path("parameters").findValuesAsString("name")).containsExactly("team_id_or_name", "team_member_email_or_id");
        assertThat(delete.path("parameters").get(0).path("description").asString()).isEqualTo("team name or team id");
    }

    @Test
    void hrefTemplates_whenTheSameNameTwiceOnOnePath_areNumbered() {
        JsonNode doc = convert(APP.replace("'href': '/apps',", "'href': '/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fname)}/"
                + "{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fname)}',"));

        assertThat(doc.path("paths").has("/apps/{app_name}/{app_name_2}")).isTrue();
    }

    @Test
    void severalLinksOnOneMethodAndPath_mergeIntoOneOperation_withBodiesUnitedAndSaidSo() {
        String release = """
                'release': {'type': ['object'], 'definitions': {
                    'id': {'type': ['string'], 'format': 'uuid', 'description': 'release id'}},
                  'properties': {'id': {'$ref': '#/definitions/release/definitions/id'}},
                  'links': [
                    {'title': 'Create', 'rel': 'create', 'method': 'POST', 'description': 'Create new release.',
                     'href': '/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}/releases', 'targetSchema': {'$ref': '#/definitions/release'},
                     'schema': {'type': ['object'], 'required': ['slug'], 'properties': {'slug': {'type': ['string']}, 'description': {'type': ['string']}}}},
                    {'title': 'Rollback', 'rel': 'create', 'method': 'POST', 'description': 'Rollback to an existing release.',
                     'href': '/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}/releases', 'targetSchema': {'$ref': '#/definitions/release'},
                     'schema': {'type': ['object'], 'required': ['release'], 'properties': {'release': {'type': ['string']}}}}
                  ]}""";
        SchemaConverter.Result result = Fixture.converter(APP + "," + release).convert();
        JsonNode doc = Fixture.read(result);

        JsonNode create = op(doc, "/apps/{app_id_or_name}/releases", "post");
        assertThat(create.path("operationId").asString()).isEqualTo("releaseCreate");
        assertThat(create.path("description").asString()).contains("serves 2 links", "'Create'", "'Rollback'");
        JsonNode body = component(doc, "ReleaseCreateOpts");
        assertThat(body.path("properties").propertyNames()).containsExactly("slug", "description", "release");
        assertThat(body.has("required")).as("each field is required by one link only").isFalse();
        assertThat(create.path("x-heroku-links")).hasSize(2);
        assertThat(result.report().merges()).containsExactly("POST /apps/{app_id_or_name}/releases (releaseCreate): Create + Rollback");
    }

    @Test
    void identities_arePlainStrings_inPathsAndBodies() {
        String dyno = """
                'dyno': {'type': ['object'], 'definitions': {
                    'id': {'type': ['string'], 'format': 'uuid', 'description': 'dyno id'}},
                  'properties': {'id': {'$ref': '#/definitions/dyno/definitions/id'}},
                  'links': [{'title': 'Create', 'rel': 'create', 'method': 'POST', 'href': '/dynos', 'targetSchema': {'$ref': '#/definitions/dyno'},
                     'schema': {'type': ['object'], 'properties': {'app': {'$ref': '#/definitions/app/definitions/identity'}}}}]}""";
        JsonNode doc = convert(APP + "," + dyno);

        JsonNode parameter = op(doc, "/apps/{app_id_or_name}", "get").path("parameters").get(0);
        assertThat(parameter.path("schema").toString()).isEqualTo("{\"type\":\"string\"}");
        JsonNode app = component(doc, "DynoCreateOpts").path("properties").path("app");
        assertThat(app.path("type").asString()).isEqualTo("string");
        assertThat(app.has("format")).as("an identity is an id or a name: never uuid-typed").isFalse();
        assertThat(app.has("anyOf")).isFalse();
    }

    @Test
    void nullTypes_refSiblings_andRefPlusProperties_areNullableAndMerged() {
        String deployment = """
                'deployment': {'$ref': '#/definitions/app', 'type': ['object'],
                  'properties': {'extra': {'type': ['string']},
                                 'team': {'$ref': '#/definitions/app', 'type': ['null', 'object'], 'description': 'the team app'},
                                 'label': {'$ref': '#/definitions/app/definitions/name', 'description': 'a label'}},
                  'links': []}""";
        JsonNode doc = convert(APP + "," + deployment);

        JsonNode app = component(doc, "App").path("properties");
        assertThat(app.path("released_at").path("nullable").asBoolean()).isTrue();
        assertThat(app.path("released_at").path("format").asString()).isEqualTo("date-time");
        assertThat(app.path("slug_size").path("type").asString()).isEqualTo("integer");
        assertThat(app.path("slug_size").path("nullable").asBoolean()).isTrue();
        JsonNode merged = component(doc, "Deployment").path("properties");
        assertThat(merged.propertyNames()).contains("id", "name", "owner", "extra", "team", "label");
        assertThat(merged.path("team").path("nullable").asBoolean()).isTrue();
        assertThat(merged.path("team").path("allOf").get(0).path("$ref").asString()).isEqualTo("#/components/schemas/App");
        assertThat(merged.path("team").path("type").asString()).as("OpenAPI 3.0.3 needs a type beside nullable").isEqualTo("object");
        assertThat(merged.path("label").path("description").asString()).as("a $ref sibling overrides").isEqualTo("a label");
        assertThat(merged.path("label").path("type").asString()).isEqualTo("string");
    }

    @Test
    void patternProperties_becomeMapsWhoseValuesMayBeNull() {
        String configVar = """
                'config-var': {'type': ['object'], 'definitions': {
                    'config_vars': {'type': ['object'], 'additionalProperties': false,
                                    'patternProperties': {'^\\\\w+$': {'type': ['string', 'null']}}}},
                  'patternProperties': {'^\\\\w+$': {'type': ['string']}},
                  'links': [{'title': 'Update', 'rel': 'update', 'method': 'PATCH',
                     'href': '/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}/config-vars',
                     'schema': {'type': ['object'], 'patternProperties': {'^\\\\w+$': {'type': ['string', 'null']}}},
                     'targetSchema': {'$ref': '#/definitions/config-var/definitions/config_vars'}}]}""";
        JsonNode doc = convert(APP + "," + configVar);

        JsonNode update = op(doc, "/apps/{app_id_or_name}/config-vars", "patch");
        JsonNode body = update.path("requestBody").path("content").path("application/json").path("schema");
        assertThat(body.path("type").asString()).isEqualTo("object");
        assertThat(body.path("additionalProperties").path("type").asString()).isEqualTo("string");
        assertThat(body.path("additionalProperties").path("nullable").asBoolean()).isTrue();
        assertThat(body.has("properties")).isFalse();
    }

    @Test
    void readOnly_isStripped_soRequestModelsKeepTheirSetters() {
        JsonNode doc = convert(APP);

        assertThat(doc.toString()).doesNotContain("readOnly").doesNotContain("readonly");
        assertThat(component(doc, "AppUpdateOpts").path("properties").propertyNames()).containsExactly("maintenance", "name");
    }

    @Test
    void responses_listsAreArraysWithRangeAnd206_createsAre201_missingTargetSchemaIsTheResource() {
        String build = """
                'build': {'type': ['object'], 'properties': {'id': {'type': ['string']}},
                  'links': [
                    {'title': 'List', 'rel': 'instances', 'method': 'GET', 'href': '/builds'},
                    {'title': 'Info', 'rel': 'self', 'method': 'GET', 'href': '/builds/one'},
                    {'title': 'Untyped', 'rel': 'instances', 'method': 'GET', 'href': '/builds/untyped',
                     'targetSchema': {'items': {'$ref': '#/definitions/build'}}},
                    {'title': 'Delete Cache', 'rel': 'empty', 'method': 'DELETE', 'href': '/builds/cache'}]}""";
        JsonNode doc = convert(APP + "," + build);

        JsonNode list = op(doc, "/apps", "get");
        assertThat(list.path("parameters").get(0).path("$ref").asString()).isEqualTo("#/components/parameters/Range");
        String media = "application/vnd.heroku+json; version=3";
        assertThat(list.path("responses").path("200").path("content").path(media).path("schema").path("type").asString()).isEqualTo("array");
        assertThat(list.path("responses").path("206").path("headers").has("Next-Range")).isTrue();
        assertThat(list.path("x-heroku-ranges").toString()).isEqualTo("[\"id\",\"name\"]");
        assertThat(op(doc, "/apps", "post").path("responses").has("201")).isTrue();
        assertThat(op(doc, "/builds", "get").path("responses").path("200").path("content").path(media).path("schema")
                .path("items").path("$ref").asString()).isEqualTo("#/components/schemas/Build");
        assertThat(op(doc, "/builds/one", "get").path("responses").path("200").path("content").path(media).path("schema")
                .path("$ref").asString()).isEqualTo("#/components/schemas/Build");
        assertThat(op(doc, "/builds/untyped", "get").path("responses").path("200").path("content").path(media).path("schema")
                .path("type").asString()).isEqualTo("array");
        assertThat(op(doc, "/builds/cache", "delete").path("responses").path("200").has("content")).isFalse();
    }

    @Test
    void whatTheSchemaLeavesOut_acceptVariant_headers_errorBody_andAuthAreAdded() {
        SchemaConverter converter = Fixture.converter(APP).schema("sdk.json", "3.sdk", Fixture.schema(APP + """
                , 'usage': {'type': ['object'], 'properties': {'id': {'type': ['string']}},
                  'links': [{'title': 'Info', 'rel': 'self', 'method': 'GET', 'href': '/usage'}]}""")
                .getBytes(StandardCharsets.UTF_8));
        JsonNode doc = Fixture.read(converter.convert());

        JsonNode sdkOnly = op(doc, "/usage", "get");
        assertThat(sdkOnly.path("responses").path("200").path("content").has("application/vnd.heroku+json; version=3.sdk")).isTrue();
        assertThat(sdkOnly.path("x-heroku-variants").toString()).isEqualTo("[\"3.sdk\"]");
        assertThat(sdkOnly.path("description").asString()).contains("Only in the 3.sdk variant");
        JsonNode both = op(doc, "/apps/{app_id_or_name}", "get");
        assertThat(both.path("responses").path("200").path("content").has("application/vnd.heroku+json; version=3")).isTrue();
        assertThat(both.path("x-heroku-variants").toString()).isEqualTo("[\"3\",\"3.sdk\"]");
        assertThat(both.path("responses").path("200").path("headers").propertyNames()).containsExactly("RateLimit-Remaining", "Request-Id");
        assertThat(both.path("responses").path("default").path("$ref").asString()).isEqualTo("#/components/responses/Error");
        assertThat(component(doc, "HerokuError").path("properties").propertyNames()).containsExactly("id", "message", "url");
        assertThat(doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void forwardCompatibility_noClosedModels_and64BitIntegers() {
        JsonNode doc = convert(APP);

        assertThat(doc.toString()).doesNotContain("\"additionalProperties\":false").doesNotContain("strictProperties");
        assertThat(component(doc, "App").path("properties").path("slug_size").path("format").asString()).isEqualTo("int64");
    }

    @Test
    void oddNames_collisionsAreRenamedDeterministically_andUnknownKeywordsKeptAsExtensions() {
        String cert = """
                'cert': {'type': ['object'], 'properties': {
                    'ca_signed?': {'type': ['boolean']}, 'default': {'type': ['string']}, 'some-hyphen': {'type': ['string']},
                    'inner': {'type': ['object'], 'properties': {'a': {'type': ['string']}}, 'identity': 'kept'}},
                  'links': []},
                'cert-inner': {'type': ['object'], 'properties': {'b': {'type': ['string']}}, 'links': []}""";
        SchemaConverter.Result first = Fixture.converter(cert).convert();
        SchemaConverter.Result second = Fixture.converter(cert).convert();
        JsonNode doc = Fixture.read(first);

        assertThat(first.yaml()).isEqualTo(second.yaml());
        assertThat(component(doc, "Cert").path("properties").propertyNames()).containsExactly("ca_signed?", "default", "some-hyphen", "inner");
        assertThat(component(doc, "CertInner").path("properties").propertyNames()).containsExactly("b");
        assertThat(component(doc, "CertInnerObject").path("properties").propertyNames()).containsExactly("a");
        assertThat(component(doc, "CertInnerObject").path("x-heroku-identity").asString()).isEqualTo("kept");
        assertThat(first.report().renames()).anySatisfy(line -> assertThat(line).contains("CertInnerObject"));
    }

    @Test
    void unresolvedRefs_failWithFileAndPointer_andPatchesFixThem() {
        String broken = APP.replaceFirst(java.util.regex.Pattern.quote("'$ref': '#/definitions/app/definitions/maintenance'}"),
                "'\\$ref': '#/definitions/app_typo/definitions/maintenance'}");

        assertThatThrownBy(() -> convert(broken)).isInstanceOf(ConversionException.class)
                .hasMessage("v3.json at #/definitions/app/properties/maintenance/$ref:"
                        + " $ref '#/definitions/app_typo/definitions/maintenance' does not resolve");

        String patch = """
                [{"variants": ["3"], "op": "replace", "path": "/definitions/app/properties/maintenance/$ref",
                  "expect": "#/definitions/app_typo/definitions/maintenance", "value": "#/definitions/app/definitions/maintenance",
                  "reason": "typo"}]""";
        SchemaConverter.Result fixed = new SchemaConverter().patches("patches.json", patch).waiters("no-waiters", "[]")
                .schema("v3.json", "3", Fixture.schema(broken).getBytes(StandardCharsets.UTF_8)).convert();
        assertThat(fixed.report().patches()).containsExactly("[3] replace /definitions/app/properties/maintenance/$ref: typo");
    }

    @Test
    void patches_thatNoLongerApply_failTheConversion() {
        String patch = """
                [{"variants": ["3"], "op": "replace", "path": "/definitions/app/description",
                  "expect": "An old text.", "value": "New.", "reason": "clarify"}]""";
        SchemaConverter converter = new SchemaConverter().patches("patches.json", patch).waiters("no-waiters", "[]")
                .schema("v3.json", "3", Fixture.schema(APP).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(converter::convert).isInstanceOf(ConversionException.class)
                .hasMessageContaining("v3.json at #/definitions/app/description")
                .hasMessageContaining("no longer applies: expected \"An old text.\" but found \"An app.\"");
    }

    @Test
    void stabilityAndDescriptions_surviveIntoTheDocument() {
        JsonNode doc = convert(APP);

        JsonNode app = component(doc, "App");
        assertThat(app.path("description").asString()).isEqualTo("An app.\n\nStability: production.");
        assertThat(app.path("x-stability").asString()).isEqualTo("production");
        assertThat(op(doc, "/apps/{app_id_or_name}", "get").path("description").asString())
                .isEqualTo("Info for existing app.\n\nStability: production.");
        assertThat(app.path("properties").path("maintenance").path("description").asString())
                .as("a default is described, never sent").isEqualTo("in maintenance\n\nDefault: `false`.");
        assertThat(app.path("properties").path("maintenance").has("default")).isFalse();
    }

    @Test
    void nestedInlineObjects_becomeNamedComponents_andNoAlternativesReachTheModels() {
        String addOn = """
                'add-on': {'type': ['object'], 'properties': {
                    'plan': {'anyOf': [{'type': ['object'], 'properties': {'id': {'type': ['string']}}},
                                       {'type': ['object'], 'properties': {'name': {'type': ['string']}}}]},
                    'owner': {'type': ['object'], 'properties': {'id': {'type': ['string']}}}},
                  'links': []}""";
        JsonNode doc = convert(APP + "," + addOn);

        assertThat(component(doc, "AppOwner").path("properties").propertyNames()).containsExactly("email", "id");
        assertThat(component(doc, "AddOnOwner").path("properties").propertyNames()).containsExactly("id");
        assertThat(component(doc, "App").path("properties").path("owner").path("$ref").asString()).isEqualTo("#/components/schemas/AppOwner");
        assertThat(component(doc, "AddOnPlan").path("properties").propertyNames()).containsExactly("id", "name");
        List<String> alternatives = new ArrayList<>();
        doc.path("components").path("schemas").findParents("anyOf").forEach(n -> alternatives.add(n.toString()));
        doc.path("components").path("schemas").findParents("oneOf").forEach(n -> alternatives.add(n.toString()));
        assertThat(alternatives).isEmpty();
    }

    @Test
    void refCycles_areReportedInsteadOfLoopingForever() {
        String loop = """
                'loop': {'type': ['object'], 'definitions': {
                    'a': {'$ref': '#/definitions/loop/definitions/b'}, 'b': {'$ref': '#/definitions/loop/definitions/a'}},
                  'properties': {'x': {'$ref': '#/definitions/loop/definitions/a'}}, 'links': []}""";

        assertThatThrownBy(() -> convert(loop)).isInstanceOf(ConversionException.class).hasMessageContaining("$ref cycle");
    }

    @Test
    void selfReferencingObjects_becomeOneComponentThatRefersToItself() {
        String tree = """
                'tree': {'type': ['object'], 'definitions': {
                    'node': {'type': ['object'], 'properties': {'children': {'type': ['array'], 'items': {'$ref': '#/definitions/tree/definitions/node'}}}}},
                  'properties': {'root': {'$ref': '#/definitions/tree/definitions/node'}}, 'links': []}""";
        JsonNode doc = convert(tree);

        assertThat(component(doc, "TreeNode").path("properties").path("children").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/TreeNode");
    }

    @Test
    void sdkOnlyOperations_answerInTheSdkShape_whenTheVariantsShapeADefinitionDifferently() {
        String sdkApp = APP.replace("'maintenance': {'description': 'in maintenance', 'default': false, 'readOnly': false, 'type': ['boolean']}",
                "'maintenance': {'description': 'in maintenance', 'type': ['string']}") + """
                , 'payment-method': {'type': ['object'], 'properties': {'id': {'type': ['string']}},
                  'links': [{'title': 'Apps', 'rel': 'instances', 'method': 'GET', 'href': '/account/payment-method/apps',
                             'targetSchema': {'type': ['array'], 'items': {'$ref': '#/definitions/app'}}}]}""";
        SchemaConverter converter = Fixture.converter(APP).schema("sdk.json", "3.sdk", Fixture.schema(sdkApp)
                .getBytes(StandardCharsets.UTF_8));
        JsonNode doc = Fixture.read(converter.convert());

        String sdk = "application/vnd.heroku+json; version=3.sdk";
        assertThat(op(doc, "/account/payment-method/apps", "get").path("responses").path("200").path("content").path(sdk)
                .path("schema").path("items").path("$ref").asString()).isEqualTo("#/components/schemas/AppSdk");
        assertThat(component(doc, "AppSdk").path("properties").path("maintenance").path("type").asString()).isEqualTo("string");
        assertThat(component(doc, "App").path("properties").path("maintenance").path("type").asString()).isEqualTo("boolean");
        assertThat(component(doc, "AppSdkOwner").path("properties").propertyNames()).containsExactly("email", "id");
        assertThat(op(doc, "/apps/{app_id_or_name}", "get").path("responses").path("200").path("content")
                .path("application/vnd.heroku+json; version=3").path("schema").path("$ref").asString())
                .as("an operation in both variants follows the contract").isEqualTo("#/components/schemas/App");
    }

    @Test
    void uriFormats_stayStrings_soAMalformedUriCannotBreakDecoding() {
        JsonNode doc = convert(APP.replace("'format': 'email'", "'format': 'uri'"));

        JsonNode email = component(doc, "AppOwner").path("properties").path("email");
        assertThat(email.path("type").asString()).isEqualTo("string");
        assertThat(email.has("format")).isFalse();
    }

    @Test
    void nullable_alwaysStandsBesideAType_soOpenApi303ToolsHonourIt() {
        String drain = """
                'drain': {'type': ['object'], 'properties': {
                    'app': {'$ref': '#/definitions/app', 'type': ['null', 'object']},
                    'owner': {'$ref': '#/definitions/app/properties/owner', 'type': ['object', 'null']},
                    'nothing': {'type': ['null'], 'description': 'always null'},
                    'anything': {'type': ['string', 'integer', 'null']}},
                  'links': [{'title': 'Info', 'rel': 'self', 'method': 'GET', 'href': '/drains/x', 'targetSchema': {'$ref': '#/definitions/drain'}}]}""";
        SchemaConverter.Result result = Fixture.converter(APP + "," + drain).convert();
        JsonNode doc = Fixture.read(result);

        JsonNode properties = component(doc, "Drain").path("properties");
        assertThat(properties.path("app").path("nullable").asBoolean()).isTrue();
        assertThat(properties.path("app").path("type").asString()).as("the referenced schema's type").isEqualTo("object");
        assertThat(properties.path("app").path("allOf").get(0).path("$ref").asString()).isEqualTo("#/components/schemas/App");
        assertThat(properties.path("owner").path("type").asString()).isEqualTo("object");
        assertThat(properties.path("owner").path("allOf").get(0).path("$ref").asString()).isEqualTo("#/components/schemas/AppOwner");
        assertThat(properties.path("nothing").has("nullable")).as("no type: any value, null included").isFalse();
        assertThat(properties.path("anything").has("nullable")).isFalse();
        List<String> untyped = new ArrayList<>();
        doc.findParents("nullable").forEach(n -> {
            if (!n.has("type")) {
                untyped.add(n.toString());
            }
        });
        assertThat(untyped).isEmpty();
    }

    @Test
    void emptyObjectResponses_declareNoBody_soTheCallReturnsNothing() {
        String dyno = """
                'dyno': {'type': ['object'], 'properties': {'id': {'type': ['string']}},
                  'links': [
                    {'title': 'Restart', 'rel': 'empty', 'method': 'DELETE', 'href': '/dynos/x', 'description': 'Restart dyno.',
                     'targetSchema': {'additionalProperties': false, 'type': ['object']}},
                    {'title': 'Config', 'rel': 'self', 'method': 'GET', 'href': '/dynos/config',
                     'targetSchema': {'type': ['object'], 'patternProperties': {'^[a-z]+$': {'type': ['string']}}}}]}""";
        SchemaConverter.Result result = Fixture.converter(APP + "," + dyno).convert();
        JsonNode doc = Fixture.read(result);

        JsonNode restart = op(doc, "/dynos/x", "delete");
        assertThat(restart.path("responses").path("200").has("content")).isFalse();
        assertThat(restart.path("responses").path("200").path("headers").has("Request-Id")).isTrue();
        assertThat(restart.path("description").asString()).startsWith("Restart dyno.").contains("empty JSON object");
        assertThat(op(doc, "/dynos/config", "get").path("responses").path("200").has("content")).as("a map is not empty").isTrue();
        assertThat(result.report().bodiless()).containsExactly("DELETE /dynos/x (dynoRestart)");
    }

    @Test
    void operationIds_keepHerokuGoNames_withAcronymsAsWords_andNoStutter() {
        String more = """
                'add-on-sso': {'type': ['object'], 'properties': {'url': {'type': ['string']}}, 'links': [
                    {'title': 'Add-on SSO', 'rel': 'self', 'method': 'GET', 'href': '/addons/x/sso'},
                    {'title': 'Add-on SSO by App', 'rel': 'self', 'method': 'GET', 'href': '/apps/x/addons/x/sso'}]},
                'cert': {'type': ['object'], 'properties': {'id': {'type': ['string']}}, 'links': [
                    {'title': 'Disable ACM', 'rel': 'destroy', 'method': 'DELETE', 'href': '/certs/acm'},
                    {'title': 'OAuth Token for URL', 'rel': 'create', 'method': 'POST', 'href': '/certs/token'}]},
                'capability': {'type': ['object'], 'properties': {'id': {'type': ['string']}}, 'links': [
                    {'title': 'Capabilities', 'rel': 'self', 'method': 'PUT', 'href': '/capabilities'}]},
                'review-app': {'type': ['object'], 'properties': {'id': {'type': ['string']}}, 'links': [
                    {'title': 'Get review app by app_id', 'rel': 'self', 'method': 'GET', 'href': '/apps/x/review-app'}]},
                'peering': {'type': ['object'], 'properties': {'id': {'type': ['string']}}, 'links': [
                    {'title': 'Info', 'rel': 'self', 'method': 'GET', 'href': '/peerings/x'}]},
                'peering-info': {'type': ['object'], 'properties': {'id': {'type': ['string']}}, 'links': [
                    {'title': 'Info', 'rel': 'self', 'method': 'GET', 'href': '/peering-info'}]},
                'team-app': {'type': ['object'], 'properties': {'id': {'type': ['string']}}, 'links': [
                    {'title': 'List By Team', 'rel': 'instances', 'method': 'GET', 'href': '/teams/x/apps'}]}""";
        SchemaConverter.Result result = Fixture.converter(APP + "," + more).convert();
        JsonNode doc = Fixture.read(result);

        assertThat(op(doc, "/apps/{app_id_or_name}", "get").path("operationId").asString()).isEqualTo("appInfo");
        assertThat(op(doc, "/apps", "get").path("operationId").asString()).isEqualTo("appList");
        assertThat(op(doc, "/certs/acm", "delete").path("operationId").asString()).isEqualTo("certDisableAcm");
        assertThat(op(doc, "/certs/token", "post").path("operationId").asString()).isEqualTo("certOauthTokenForUrl");
        assertThat(op(doc, "/addons/x/sso", "get").path("operationId").asString()).as("nothing left: the resource's name")
                .isEqualTo("addOnSso");
        assertThat(op(doc, "/apps/x/addons/x/sso", "get").path("operationId").asString()).isEqualTo("addOnSsoByApp");
        assertThat(op(doc, "/capabilities", "put").path("operationId").asString()).as("a plural repeats its singular")
                .isEqualTo("capability");
        assertThat(op(doc, "/apps/x/review-app", "get").path("operationId").asString()).isEqualTo("reviewAppGetByAppId");
        assertThat(op(doc, "/peerings/x", "get").path("operationId").asString()).isEqualTo("peeringInfo");
        assertThat(op(doc, "/peering-info", "get").path("operationId").asString())
                .as("the shorter id is another operation's name: the full name stays").isEqualTo("peeringInfoInfo");
        assertThat(op(doc, "/teams/x/apps", "get").path("operationId").asString()).as("another resource's word is no stutter")
                .isEqualTo("teamAppListByTeam");
        assertThat(result.report().operationIds()).containsExactly(
                "GET /addons/x/sso: addOnSsoAddOnSSO -> addOnSso",
                "GET /apps/x/addons/x/sso: addOnSsoAddOnSSOByApp -> addOnSsoByApp",
                "GET /apps/x/review-app: reviewAppGetReviewAppByAppId -> reviewAppGetByAppId",
                "PUT /capabilities: capabilityCapabilities -> capability",
                "DELETE /certs/acm: certDisableACM -> certDisableAcm",
                "POST /certs/token: certOAuthTokenForURL -> certOauthTokenForUrl");
    }
}
