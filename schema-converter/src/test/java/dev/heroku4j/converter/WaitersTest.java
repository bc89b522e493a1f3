package dev.heroku4j.converter;

import static dev.heroku4j.converter.Fixture.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The waiter data ({@code heroku-waiters.json}) checked against a small schema and carried into the document. */
class WaitersTest {

    private static final String BUILD = """
            'build': {'type': ['object'], 'definitions': {
                'id': {'type': ['string'], 'format': 'uuid', 'description': 'build id'},
                'identity': {'anyOf': [{'$ref': '#/definitions/build/definitions/id'}]},
                'status': {'type': ['string'], 'enum': ['failed', 'pending', 'succeeded'], 'description': 'status'}},
              'properties': {'id': {'$ref': '#/definitions/build/definitions/id'},
                             'status': {'$ref': '#/definitions/build/definitions/status'},
                             'output_stream_url': {'type': ['string']}},
              'links': [{'title': 'Info', 'rel': 'self', 'method': 'GET', 'targetSchema': {'$ref': '#/definitions/build'},
                         'href': '/builds/{(%23%2Fdefinitions%2Fbuild%2Fdefinitions%2Fidentity)}'}]}""";

    private static final String ENTRY = "{'resource': 'build', 'link': 'Info', 'field': 'status', 'success': ['succeeded'],"
            + " 'failure': ['failed'], 'pending': ['pending'], 'detail': ['output_stream_url'], 'deadline': 'PT30M',"
            + " 'reason': 'r'}";

    private static SchemaConverter converter(String waiters) {
        return new SchemaConverter().patches("no-patches", "[]").waiters("waiters.json", "[" + waiters.replace('\'', '"') + "]")
                .schema("v3.json", "3", Fixture.schema(BUILD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apply_whenTheDataMatchesTheEnum_marksTheInfoOperation() {
        SchemaConverter.Result result = converter(ENTRY).convert();
        JsonNode waiter = op(Fixture.read(result), "/builds/{build_id}", "get").path(Waiters.EXTENSION);

        assertThat(waiter.path("method").asString()).isEqualTo("buildWait");
        assertThat(waiter.path("success").toString()).isEqualTo("[\"succeeded\"]");
        assertThat(waiter.path("pending").toString()).isEqualTo("[\"pending\"]");
        assertThat(waiter.path("detail").toString()).isEqualTo("[\"output_stream_url\"]");
        assertThat(waiter.path("deadline").asString()).isEqualTo("PT30M");
        assertThat(result.report().unwaited()).isEmpty();
    }

    @Test
    void apply_whenTheSchemaHasAStateTheDataLacks_failsNamingBoth() {
        assertThatThrownBy(() -> converter(ENTRY.replace("'pending': ['pending']", "'pending': []")).convert())
                .isInstanceOf(ConversionException.class)
                .hasMessageContaining("waiters.json")
                .hasMessageContaining("[failed, pending, succeeded] in the schema but [succeeded, failed] here");
    }

    @Test
    void apply_whenAStateIsInTwoGroups_fails() {
        assertThatThrownBy(() -> converter(ENTRY.replace("'failure': ['failed']", "'failure': ['failed', 'succeeded']")).convert())
                .hasMessageContaining("state 'succeeded' is in two groups");
    }

    @Test
    void apply_whenADetailFieldIsNoProperty_fails() {
        assertThatThrownBy(() -> converter(ENTRY.replace("'output_stream_url'", "'failure_message'")).convert())
                .hasMessageContaining("'build' has no property 'failure_message'");
    }

    @Test
    void apply_whenTheLinkDoesNotExist_failsNamingIt() {
        assertThatThrownBy(() -> converter(ENTRY.replace("'link': 'Info'", "'link': 'Show'")).convert())
                .hasMessageContaining("0 GET operations of 'build' are titled 'Show'");
    }

    @Test
    void apply_whenTheDeadlineIsNoDuration_fails() {
        assertThatThrownBy(() -> converter(ENTRY.replace("PT30M", "30 minutes")).convert())
                .hasMessageContaining("'30 minutes' is not a positive ISO-8601 duration");
    }

    @Test
    void report_whenAStatusEnumHasNoEntry_listsIt() {
        assertThat(converter("").convert().report().unwaited()).containsExactly("build");
    }
}
