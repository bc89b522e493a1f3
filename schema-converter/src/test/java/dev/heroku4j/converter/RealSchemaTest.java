package dev.heroku4j.converter;

import static dev.heroku4j.converter.Fixture.component;
import static dev.heroku4j.converter.Fixture.op;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Golden tests on Heroku's real schemas, read from ../shared/heroku-schema (system property heroku.schema.dir). */
class RealSchemaTest {

    private static final String V3 = "application/vnd.heroku+json; version=3";
    private static SchemaConverter.Result result;
    private static JsonNode doc;

    @BeforeAll
    static void convert() {
        result = converter().convert();
        doc = Fixture.read(result);
    }

    static SchemaConverter converter() {
        Path dir = Path.of(System.getProperty("heroku.schema.dir", "../../shared/heroku-schema"));
        assertThat(dir.resolve("platform-api.json")).as("Heroku's schema snapshots beside the project").exists();
        return new SchemaConverter()
                .schema(dir.resolve("platform-api.json"))
                .schema(dir.resolve("platform-api-3.sdk.json"));
    }

    @Test
    void coverage_everyLinkOfBothVariantsMapsToExactlyOneOf340Operations() {
        assertThat(result.report().coverageLine()).isEqualTo("operations: 340, links mapped: 643 of 643");
        List<String> links = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (String path : doc.path("paths").propertyNames()) {
            for (String method : doc.path("paths").path(path).propertyNames()) {
                JsonNode operation = doc.path("paths").path(path).path(method);
                operations++;
                operation.path("x-heroku-links").forEach(link -> links.add(link.asString()));
                assertThat(operationIds.add(operation.path("operationId").asString())).as("unique operationId").isTrue();
            }
        }
        assertThat(operations).isEqualTo(340);
        assertThat(links).hasSize(643).doesNotHaveDuplicates();
        assertThat(links.stream().filter(l -> l.startsWith("3 "))).hasSize(305);
        assertThat(links.stream().filter(l -> l.startsWith("3.sdk "))).hasSize(338);
    }

    @Test
    void output_validatesWithSwaggerParser_withZeroMessages() throws Exception {
        Path file = Files.createTempFile("heroku-openapi", ".yaml");
        Files.writeString(file, result.yaml());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).hasSize(doc.path("paths").size());
        Files.delete(file);
    }

    @Test
    void waiters_everyStatusEnumIsClassified_andTheInfoOperationCarriesItsWaiter() {
        assertThat(result.report().unwaited()).as("status enums without waiter data").isEmpty();
        JsonNode build = op(doc, "/apps/{app_id_or_name}/builds/{build_id}", "get").path(Waiters.EXTENSION);
        assertThat(build.path("method").asString()).isEqualTo("buildWait");
        assertThat(build.path("field").asString()).isEqualTo("status");
        assertThat(build.path("failure").toString()).isEqualTo("[\"failed\"]");
        JsonNode dyno = op(doc, "/apps/{app_id_or_name}/dynos/{dyno_id_or_name}", "get").path(Waiters.EXTENSION);
        assertThat(dyno.path("failure").toString()).contains("crashed");
        long waiters = 0;
        for (JsonNode item : doc.path("paths")) {
            for (JsonNode operation : item) {
                waiters += operation.has(Waiters.EXTENSION) ? 1 : 0;
            }
        }
        assertThat(waiters).isEqualTo(14);
    }

    @Test
    void output_isDeterministic() {
        assertThat(converter().convert().yaml()).isEqualTo(result.yaml());
    }

    @Test
    void identityShortcuts_markRequestIdentityObjects_andOperationsWhoseLastIdentityTakesAUuid() {
        JsonNode dynoSize = doc.at("/components/schemas/FormationUpdateOpts/properties/dyno_size");
        assertThat(dynoSize.path("allOf").get(0).path("$ref").asString()).isEqualTo("#/components/schemas/FormationDynoSizeObject");
        assertThat(dynoSize.path("x-heroku4j-identity-field").asString()).isEqualTo("name");
        JsonNode pipeline = doc.at("/components/schemas/PipelinePromotionCreateOpts/properties/pipeline");
        assertThat(pipeline.path("x-heroku4j-identity-field").asString()).isEqualTo("id");
        assertThat(pipeline.path("x-heroku4j-identity-type").asString()).isEqualTo("UUID");
        // responses keep plain references: the shortcut is for what a client sends
        assertThat(doc.at("/components/schemas/Formation/properties/dyno_size").has("x-heroku4j-identity-field")).isFalse();

        assertThat(op(doc, "/apps/{app_id_or_name}/builds/{build_id}", "get").path("x-heroku4j-uuid-last").asBoolean()).isTrue();
        assertThat(op(doc, "/apps/{app_id_or_name}", "get").path("x-heroku4j-uuid-last").asBoolean()).isTrue();
        assertThat(op(doc, "/apps", "get").has("x-heroku4j-uuid-last")).isFalse();
    }

    @Test
    void simpleGet() {
        JsonNode info = op(doc, "/apps/{app_id_or_name}", "get");
        assertThat(info.path("operationId").asString()).isEqualTo("appInfo");
        assertThat(info.path("tags").get(0).asString()).isEqualTo("App");
        assertThat(info.path("parameters").get(0).path("name").asString()).isEqualTo("app_id_or_name");
        assertThat(schema(info, "200").path("$ref").asString()).isEqualTo("#/components/schemas/App");
    }

    @Test
    void list() {
        JsonNode list = op(doc, "/apps", "get");
        assertThat(list.path("operationId").asString()).isEqualTo("appList");
        assertThat(list.path("parameters").get(0).path("$ref").asString()).isEqualTo("#/components/parameters/Range");
        assertThat(schema(list, "200").path("items").path("$ref").asString()).isEqualTo("#/components/schemas/App");
        assertThat(schema(list, "206").path("type").asString()).isEqualTo("array");
    }

    @Test
    void createWithNestedBody() {
        JsonNode create = op(doc, "/app-setups", "post");
        assertThat(create.path("operationId").asString()).isEqualTo("appSetupCreate");
        assertThat(create.path("responses").has("201")).isTrue();
        String body = create.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asString();
        assertThat(body).isEqualTo("#/components/schemas/AppSetupCreateOpts");
        JsonNode opts = component(doc, "AppSetupCreateOpts");
        assertThat(opts.path("required").toString()).isEqualTo("[\"source_blob\"]");
        assertThat(opts.path("properties").path("source_blob").path("$ref").asString()).startsWith("#/components/schemas/AppSetupCreateOpts");
    }

    @Test
    void update() {
        JsonNode update = op(doc, "/apps/{app_id_or_name}", "patch");
        assertThat(update.path("operationId").asString()).isEqualTo("appUpdate");
        assertThat(component(doc, "AppUpdateOpts").path("properties").propertyNames())
                .containsExactlyInAnyOrder("build_stack", "maintenance", "name");
    }

    @Test
    void delete() {
        JsonNode delete = op(doc, "/apps/{app_id_or_name}/domains/{domain_hostname_or_id}", "delete");
        assertThat(delete.path("operationId").asString()).isEqualTo("domainDelete");
        assertThat(delete.has("requestBody")).isFalse();
        assertThat(schema(delete, "200").path("$ref").asString()).isEqualTo("#/components/schemas/Domain");
    }

    @Test
    void threeParameterPath() {
        JsonNode archive = op(doc, "/enterprise-accounts/{enterprise_account_id_or_name}/archives/{archive_year}/{archive_month}", "get");
        assertThat(archive.path("parameters").findValuesAsString("name"))
                .containsExactly("enterprise_account_id_or_name", "archive_year", "archive_month");
        assertThat(schema(archive, "200").path("$ref").asString()).as("no targetSchema: the link's resource")
                .isEqualTo("#/components/schemas/Archive");
    }

    @Test
    void mergedReleaseOperation() {
        JsonNode create = op(doc, "/apps/{app_id_or_name}/releases", "post");
        assertThat(create.path("operationId").asString()).isEqualTo("releaseCreate");
        assertThat(create.path("description").asString()).contains("'Create'", "'Rollback'");
        assertThat(component(doc, "ReleaseCreateOpts").path("properties").propertyNames()).contains("slug", "release", "description");
        assertThat(component(doc, "ReleaseCreateOpts").has("required")).isFalse();
    }

    @Test
    void configVarUpdateAcceptsNull() {
        JsonNode update = op(doc, "/apps/{app_id_or_name}/config-vars", "patch");
        assertThat(update.path("operationId").asString()).isEqualTo("configVarUpdate");
        JsonNode body = update.path("requestBody").path("content").path("application/json").path("schema");
        assertThat(body.path("additionalProperties").path("type").asString()).isEqualTo("string");
        assertThat(body.path("additionalProperties").path("nullable").asBoolean()).isTrue();
        assertThat(schema(update, "200").path("additionalProperties").path("type").asString()).isEqualTo("string");
    }

    @Test
    void sdkOnlyOperationCarriesItsVariant() {
        JsonNode usage = op(doc, "/apps/{app_id_or_name}/usage", "get");
        assertThat(usage.path("x-heroku-variants").toString()).isEqualTo("[\"3.sdk\"]");
        assertThat(usage.path("responses").path("200").path("content").has("application/vnd.heroku+json; version=3.sdk")).isTrue();
        assertThat(op(doc, "/apps", "get").path("x-heroku-variants").toString()).isEqualTo("[\"3\",\"3.sdk\"]");
    }

    @Test
    void versionThreeOnlyOperationKeepsItsVariant() {
        JsonNode identityProviders = op(doc, "/teams/{team_name}/identity-providers", "get");
        assertThat(identityProviders.path("x-heroku-variants").toString()).isEqualTo("[\"3\"]");
    }

    @Test
    void report_listsWhereTheVariantsDisagree() {
        assertThat(result.report().variantDifferences()).isNotEmpty()
                .anySatisfy(line -> assertThat(line).startsWith("PATCH /account 'Update': schema differ in 3.sdk"));
        assertThat(result.report().merges()).hasSize(3);
    }

    @Test
    void nestedObjectsAreNamedAfterTheirResource() {
        assertThat(component(doc, "App").path("properties").path("owner").path("$ref").asString())
                .isEqualTo("#/components/schemas/AppOwner");
        assertThat(component(doc, "App").path("properties").path("region").path("$ref").asString())
                .isEqualTo("#/components/schemas/AppRegion");
    }

    @Test
    void everyNullableSchemaStatesItsType() {
        List<String> untyped = new ArrayList<>();
        doc.findParents("nullable").forEach(node -> {
            if (!node.has("type")) {
                untyped.add(node.toString());
            }
        });
        assertThat(untyped).isEmpty();
        JsonNode identityProvider = component(doc, "Account").path("properties").path("identity_provider");
        assertThat(identityProvider.path("type").asString()).isEqualTo("object");
        assertThat(identityProvider.path("nullable").asBoolean()).isTrue();
        assertThat(identityProvider.path("allOf").get(0).path("$ref").asString()).isEqualTo("#/components/schemas/AccountIdentityProvider");
    }

    @Test
    void emptyObjectAnswers_declareNoBody() {
        assertThat(result.report().bodiless()).containsExactly(
                "POST /addons/{add_on_id_or_name}/actions/peer (addOnActionPeer)",
                "POST /addons/{add_on_id_or_name}/actions/unpeer (addOnActionUnpeer)",
                "DELETE /apps/{app_id_or_name}/dynos (dynoRestartAll)",
                "DELETE /apps/{app_id_or_name}/dynos/{dyno_id_or_name} (dynoRestart)",
                "POST /apps/{app_id_or_name}/dynos/{dyno_id_or_name}/actions/stop (dynoStop)",
                "DELETE /apps/{app_id_or_name}/formations/{dyno_formation_type} (dynoRestartFormation)",
                "POST /apps/{app_id_or_name}/formations/{dyno_formation_type}/actions/stop (dynoStopFormation)");
        JsonNode restart = op(doc, "/apps/{app_id_or_name}/dynos/{dyno_id_or_name}", "delete");
        assertThat(restart.path("responses").path("200").has("content")).isFalse();
        assertThat(restart.path("description").asString()).contains("empty JSON object");
    }

    @Test
    void operationIds_herokuGoNames_acronymsAsWords_noStutter() {
        List<String> ids = new ArrayList<>();
        doc.path("paths").forEach(item -> item.forEach(operation -> ids.add(operation.path("operationId").asString())));
        assertThat(ids).contains("appInfo", "appList", "configVarUpdate", "appListOwnedAndCollaborated", "peeringInfo")
                .allSatisfy(id -> assertThat(id).matches("[a-z][a-z0-9]*([A-Z][a-z0-9]*)*").doesNotContainPattern("[A-Z]{2}"));
        assertThat(result.report().operationIds()).containsExactly(
                "GET /addon-attachments/{add_on_attachment_id}/telemetry-ingress-info: telemetryIngressInfoInfo -> telemetryIngressInfo",
                "GET /addons/{add_on_id_or_name}/sso: addOnSsoAddOnSSO -> addOnSso",
                "DELETE /apps/{app_id_or_name}/acm: appDisableACM -> appDisableAcm",
                "PATCH /apps/{app_id_or_name}/acm: appRefreshACM -> appRefreshAcm",
                "POST /apps/{app_id_or_name}/acm: appEnableACM -> appEnableAcm",
                "GET /apps/{app_id_or_name}/addons/{add_on_id_or_name}/sso: addOnSsoAddOnSSOByApp -> addOnSsoByApp",
                "GET /apps/{app_id_or_name}/available-dyno-sizes: dynoSizeListAppDynoSizes -> dynoSizeListApp",
                "GET /apps/{app_id_or_name}/review-app: reviewAppGetReviewAppByAppId -> reviewAppGetByAppId",
                "POST /filters/apps: filterAppsApps -> filterApps",
                "POST /password-resets: passwordResetResetPassword -> passwordReset",
                "POST /password-resets/{password_reset_reset_password_token}/actions/finalize: passwordResetCompleteResetPassword -> passwordResetComplete",
                "GET /review-apps/{review_app_id}: reviewAppGetReviewApp -> reviewAppGet",
                "GET /spaces/{space_id_or_name}/topology: spaceTopologyTopology -> spaceTopology",
                "POST /spaces/{space_id_or_name}/transfer: spaceTransferTransfer -> spaceTransfer",
                "GET /users/{account_email_or_id_or_self}/sms-number: smsNumberSMSNumber -> smsNumber",
                "PUT /users/~/capabilities: capabilityCapabilities -> capability",
                "POST /users/~/gateway-tokens/oauth-authorization: gatewayTokenOAuthToken -> gatewayTokenOauthToken");
        assertThat(op(doc, "/spaces/{space_id_or_name}/peering-info", "get").path("operationId").asString())
                .as("peeringInfo is the peering's Info: the full name stays").isEqualTo("peeringInfoInfo");
        assertThat(result.report().renames()).as("operation ids still taken get their path's segments")
                .filteredOn(line -> line.contains(" is taken by ")).hasSize(4);
    }

    private static JsonNode schema(JsonNode operation, String status) {
        return operation.path("responses").path(status).path("content").path(V3).path("schema");
    }
}
