package dev.heroku4j.client.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.heroku4j.client.ConfigVars;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.testsupport.Side;

/** What the generated models read and write, seen on the wire through both clients. */
class ModelJsonTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String FUTURE_BUILD = """
            {"id": "01234567-89ab-cdef-0123-456789abcdef", "status": "some-new-state", "stack": "heroku-24",
             "brand_new_field": {"nested": [1, "two", null], "flag": true}}""";

    private final HerokuClient heroku = HerokuClient.builder().apiKey("k").baseUrl(api.baseUrl()).build();
    private final JsonMapper mapper = HerokuJson.mapper();

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private Build futureBuild(Side side) {
        api.stubFor(get(urlPathEqualTo("/apps/example/builds/b1")).willReturn(json(FUTURE_BUILD)));
        return side.call(heroku, h -> h.build().buildInfo("example", "b1"), r -> r.build().buildInfo("example", "b1"));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void unknownEnumTextAndUnknownFields_decode_andStayReadable(Side side) {
        Build build = futureBuild(side);

        assertThat(build.getStatus()).isEqualTo(Build.StatusEnum.UNKNOWN_TO_CLIENT);
        assertThat(build.getStatusAsString()).isEqualTo("some-new-state");
        assertThat(build.getStack()).isEqualTo("heroku-24");
        assertThat(build.unknownFields()).containsOnlyKeys("brand_new_field");
        JsonNode added = build.unknownField("brand_new_field").orElseThrow();
        assertThat(added.get("flag").asBoolean()).isTrue();
        assertThat(added.get("nested").get(1).asString()).isEqualTo("two");
        assertThat(build.unknownField("not_sent")).isEmpty();
        assertThat(build.toString()).contains("some-new-state").contains("brand_new_field");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void serialisingTheModelAgain_writesTheUnknownTextAndFieldsBackUnchanged(Side side) {
        Build build = futureBuild(side);

        String written = mapper.writeValueAsString(build);

        assertThat(mapper.readTree(written)).isEqualTo(mapper.readTree(FUTURE_BUILD));
        Build again = mapper.readValue(written, Build.class);
        assertThat(again).isEqualTo(build);
    }

    @Test
    void knownEnumText_readsAsItsConstant() {
        Build build = mapper.readValue("{\"status\": \"succeeded\"}", Build.class);

        assertThat(build.getStatus()).isEqualTo(Build.StatusEnum.SUCCEEDED);
        assertThat(build.getStatusAsString()).isEqualTo("succeeded");
        assertThat(build.unknownFields()).isEmpty();
    }

    @Test
    void settingUnknownToClient_isRefused_andTheTextSetterSendsAnyText() {
        assertThatThrownBy(() -> new Build().status(Build.StatusEnum.UNKNOWN_TO_CLIENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNKNOWN_TO_CLIENT");
        assertThatThrownBy(() -> new Build().setStatus(Build.StatusEnum.UNKNOWN_TO_CLIENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppWebhookUpdateOpts().level(AppWebhookUpdateOpts.LevelEnum.UNKNOWN_TO_CLIENT))
                .isInstanceOf(IllegalArgumentException.class);

        Build build = new Build().status(Build.StatusEnum.PENDING);
        assertThat(mapper.writeValueAsString(build)).isEqualTo("{\"status\":\"pending\"}");
        assertThat(mapper.writeValueAsString(build.statusAsString("some-new-state"))).isEqualTo("{\"status\":\"some-new-state\"}");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void nullableFieldSetToNull_isSentAsJsonNull_andUnsetFieldsAreNotSent(Side side) {
        api.stubFor(patch(urlPathEqualTo("/account")).willReturn(json("{\"email\": \"u@example.com\"}")));
        AccountUpdateOpts opts = new AccountUpdateOpts().name(null).beta(true); // allow_tracking left unset

        side.call(heroku, h -> h.account().accountUpdate(opts), r -> r.account().accountUpdate(opts));

        api.verify(patchRequestedFor(urlPathEqualTo("/account"))
                .withRequestBody(equalToJson("{\"name\": null, \"beta\": true}"))); // strict: no other field
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void patchWithOneFieldSet_sendsExactlyThatField(Side side) {
        api.stubFor(patch(urlPathEqualTo("/apps/example/domains/www.example.com")).willReturn(json("{}")));
        api.stubFor(patch(urlPathEqualTo("/apps/example")).willReturn(json("{}")));
        DomainUpdateOpts domain = new DomainUpdateOpts().sniEndpoint(null);
        AppUpdateOpts app = new AppUpdateOpts().name("renamed");

        side.call(heroku, h -> h.domain().domainUpdate("example", "www.example.com", domain),
                r -> r.domain().domainUpdate("example", "www.example.com", domain));
        side.call(heroku, h -> h.app().appUpdate("example", app), r -> r.app().appUpdate("example", app));

        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example/domains/www.example.com"))
                .withRequestBody(equalTo("{\"sni_endpoint\":null}")));
        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example")).withRequestBody(equalTo("{\"name\":\"renamed\"}")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void configVarMapWithANullValue_sendsTheKeyWithNull(Side side) {
        api.stubFor(patch(urlPathEqualTo("/apps/example/config-vars")).willReturn(json("{\"NEW\": \"1\"}")));
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("KEY", null);
        changes.put("NEW", "1");

        side.call(heroku, h -> h.configVar().configVarUpdate("example", changes),
                r -> r.configVar().configVarUpdate("example", changes));

        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example/config-vars"))
                .withRequestBody(equalTo("{\"KEY\":null,\"NEW\":\"1\"}")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void configVarsSetAndUnset_sendsValuesAndNullsInTheirOrder(Side side) {
        api.stubFor(patch(urlPathEqualTo("/apps/example/config-vars")).willReturn(json("{\"A\": \"1\"}")));
        ConfigVars changes = ConfigVars.set("A", "1").andUnset("B").and("C", "3");

        Map<String, String> after = side.call(heroku, h -> h.configVar().configVarUpdate("example", changes),
                r -> r.configVar().configVarUpdate("example", changes));

        assertThat(after).containsExactly(Map.entry("A", "1"));
        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example/config-vars"))
                .withRequestBody(equalTo("{\"A\":\"1\",\"B\":null,\"C\":\"3\"}")));
    }

    @Test
    void configVars_refuseBlankKeysAndNullValues_andAreReadOnly() {
        ConfigVars unset = ConfigVars.unset("X", "Y");
        assertThat(unset.keySet()).containsExactly("X", "Y");
        assertThat(unset.values()).containsOnlyNulls();
        assertThat(ConfigVars.set("K", "1").and("K", "2")).containsExactly(Map.entry("K", "2"));
        assertThatThrownBy(() -> ConfigVars.set(" ", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigVars.set("K", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("K").hasMessageContaining("unset");
        assertThatThrownBy(() -> ConfigVars.unset("A").put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void formationQuantity_takesAnInt(Side side) {
        api.stubFor(patch(urlPathEqualTo("/apps/example/formation/web")).willReturn(json("{\"quantity\": 2, \"type\": \"web\"}")));
        FormationUpdateOpts opts = new FormationUpdateOpts().quantity(2);

        Formation formation = side.call(heroku, h -> h.formation().formationUpdate("example", "web", opts),
                r -> r.formation().formationUpdate("example", "web", opts));

        assertThat(opts.getQuantity()).isEqualTo(2L);
        assertThat(formation.getQuantity()).isEqualTo(2L);
        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example/formation/web")).withRequestBody(equalTo("{\"quantity\":2}")));
        assertThat(api.findAll(patchRequestedFor(anyUrl()))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void dynoSize_takesThePlainName_andSendsTheObjectHerokusSchemaAsksFor(Side side) {
        api.stubFor(patch(urlPathEqualTo("/apps/example/formation/web")).willReturn(json("{\"quantity\": 1, \"type\": \"web\"}")));
        FormationUpdateOpts opts = new FormationUpdateOpts().dynoSize("standard-1X");

        side.call(heroku, h -> h.formation().formationUpdate("example", "web", opts),
                r -> r.formation().formationUpdate("example", "web", opts));

        api.verify(patchRequestedFor(urlPathEqualTo("/apps/example/formation/web"))
                .withRequestBody(equalTo("{\"dyno_size\":{\"name\":\"standard-1X\"}}")));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void identityParameters_takeTheUuidAModelCarries(Side side) {
        java.util.UUID buildId = java.util.UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/apps/my-app/builds/" + buildId))
                .willReturn(json("{\"id\": \"" + buildId + "\", \"status\": \"succeeded\"}")));

        Build build = side.call(heroku, h -> h.build().buildInfo("my-app", buildId), r -> r.build().buildInfo("my-app", buildId));

        assertThat(build.getId()).isEqualTo(buildId);
        assertThatThrownBy(() -> heroku.build().buildInfo("my-app", (java.util.UUID) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("buildId");
    }
}
