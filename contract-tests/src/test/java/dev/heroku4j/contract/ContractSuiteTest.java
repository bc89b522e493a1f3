package dev.heroku4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.error.HerokuInvalidParamsException;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.model.DomainCreateOpts;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.schema.HerokuSchema;
import dev.heroku4j.simulator.schema.SchemaVariant;
import dev.heroku4j.simulator.seed.Seeds;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Calls every generated operation against the simulator, which judges each request by Heroku's original
 * hyper-schema, and checks that what the client decoded is valid against the link's targetSchema. The operations
 * come from the OpenAPI document the client was generated from; the arguments from Heroku's schema (request bodies
 * synthesised from the link's schema and its examples) and from the simulator's demo data (identities).
 */
class ContractSuiteTest {

    private static final JsonMapper JSON = HerokuJson.mapper();
    private static HerokuSimulator simulator;
    private static HerokuClient heroku;
    private static JsonNode spec;
    private static final Map<SchemaVariant, HerokuSchema> SCHEMAS = new HashMap<>();
    private static final Map<SchemaVariant, ResponseSynthesizer> SYNTHESIZERS = new HashMap<>();

    /** One operation of the OpenAPI document. */
    record Call(String path, String method, JsonNode operation) {

        String operationId() {
            return operation.path("operationId").asString();
        }

        /** Creates first, then reads and updates, then deletes (the app itself last), so identities exist when used. */
        int phase() {
            return switch (method) {
                case "post" -> 0;
                case "delete" -> path.equals("/apps/{app_id_or_name}") ? 3 : 2;
                default -> 1;
            };
        }

        @Override
        public String toString() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path + " (" + operationId() + ")";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        simulator = HerokuSimulator.builder().seed(Seeds.DEMO).rateLimit(100_000).start();
        heroku = HerokuClient.builder().apiKey("contract-key").baseUrl(simulator.baseUrl())
                .retry(dev.heroku4j.client.retry.RetrySettings.disabled()).build();
        try (InputStream in = HerokuClient.class.getResourceAsStream("/META-INF/heroku4j/heroku-openapi.yaml")) {
            assertThat(in).as("the OpenAPI document in the heroku-client jar").isNotNull();
            spec = YAMLMapper.builder().build().readTree(in);
        }
        for (SchemaVariant variant : SchemaVariant.values()) {
            HerokuSchema schema = HerokuSchema.load(variant);
            SCHEMAS.put(variant, schema);
            SYNTHESIZERS.put(variant, new ResponseSynthesizer(schema));
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void everyOperation_isJudgedValidByHerokusSchema_inBothDirections() {
        List<Call> calls = new ArrayList<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> calls.add(new Call(path.getKey(), op.getKey(), op.getValue()))));
        calls.sort(Comparator.comparingInt(Call::phase));
        Identities identities = new Identities(heroku);

        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            String problem = check(call, identities);
            if (problem != null) {
                failures.add(call + ": " + problem);
            }
        }
        int passed = calls.size() - failures.size();
        System.out.println("contract: " + passed + "/" + calls.size() + " operations passed");
        failures.forEach(failure -> System.out.println("  contract failure: " + failure));
        assertThat(calls).hasSize(340);
        assertThat(failures).isEmpty();
    }

    /** Null when the call passed, else what went wrong. */
    private static String check(Call call, Identities identities) {
        Object body;
        try {
            body = invoke(call, identities);
        } catch (Exception e) {
            JournalEntry entry = simulator.journal().last();
            return "call failed: " + rootMessage(e) + (entry == null ? "" : "; simulator: " + entry.status() + " " + entry.messages());
        }
        List<JournalEntry> entries = simulator.journal().entries();
        if (entries.size() != 1) {
            return "expected one request, the simulator received " + entries.size();
        }
        JournalEntry entry = entries.get(0);
        if (!entry.valid()) {
            return "request judged invalid: " + entry.messages();
        }
        if (!entry.responseMessages().isEmpty()) {
            return "the simulator's own response is off-schema: " + entry.responseMessages();
        }
        if (body != null) {
            String json = JSON.writeValueAsString(body);
            var verdict = simulator.judge().response(entry.method(), entry.path(), json);
            if (!verdict.valid()) {
                return "decoded response is not valid against the targetSchema: " + verdict.messages() + " in " + abbreviate(json);
            }
        }
        return null;
    }

    private static Object invoke(Call call, Identities identities) throws Exception {
        String tag = call.operation().path("tags").get(0).asString();
        Object api = HerokuClient.class.getMethod(Character.toLowerCase(tag.charAt(0)) + tag.substring(1)).invoke(heroku);
        Method method = null;
        for (Method candidate : api.getClass().getMethods()) {
            if (candidate.getName().equals(call.operationId() + "WithHttpInfo")) {
                method = candidate;
            }
        }
        assertThat(method).as("generated method for " + call).isNotNull();
        Map<String, JsonNode> parameters = new HashMap<>();
        call.operation().path("parameters").forEach(p -> parameters.put(camel(p.path("name").asString("Range")), p));
        Object[] arguments = new Object[method.getParameterCount()];
        Parameter[] declared = method.getParameters();
        for (int i = 0; i < declared.length; i++) {
            arguments[i] = argument(call, declared[i], parameters.get(declared[i].getName()), identities);
        }
        simulator.journal().clear(); // from here on, only this call's requests
        try {
            @SuppressWarnings("unchecked")
            Mono<ResponseEntity<?>> response = (Mono<ResponseEntity<?>>) method.invoke(api, arguments);
            ResponseEntity<?> entity = response.block(Duration.ofSeconds(10));
            return entity == null ? null : entity.getBody();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Object argument(Call call, Parameter parameter, JsonNode spec, Identities identities) {
        if (spec == null || spec.has("$ref")) {
            if (spec != null) {
                return null; // the Range header: the first page
            }
            return body(call, parameter, identities);
        }
        String name = spec.path("name").asString();
        JsonNode value = switch (spec.path("in").asString()) {
            case "path" -> JSON.getNodeFactory().stringNode(identities.value(name));
            case "query" -> spec.path("schema").path("example");
            default -> null;
        };
        return value == null || value.isMissingNode() ? null
                : JSON.convertValue(value, JSON.getTypeFactory().constructType(parameter.getParameterizedType()));
    }

    /** A request body made from the original link's schema (its examples), as the generated type. */
    private static Object body(Call call, Parameter parameter, Identities identities) {
        String source = call.operation().path("x-heroku-links").get(0).asString();
        SchemaVariant variant = source.startsWith("3.sdk ") ? SchemaVariant.V3_SDK : SchemaVariant.V3;
        String pointer = source.substring(source.indexOf('#') + 1);
        HerokuSchema schema = SCHEMAS.get(variant);
        JsonNode linkSchema = schema.at(pointer + "/schema");
        JsonNode json = adjust(call.operationId(), SYNTHESIZERS.get(variant).synthesize(linkSchema), identities);
        JavaType type = JSON.getTypeFactory().constructType(parameter.getParameterizedType());
        return JSON.convertValue(json, type);
    }

    /**
     * Test data, not contract: where the schema's examples would collide with the demo data, point the body at it.
     * A coupling needs an existing app that is not coupled yet and the demo pipeline; renaming the app every other
     * call uses would pull the ground from under them.
     */
    private static JsonNode adjust(String operationId, JsonNode body, Identities identities) {
        if (body instanceof tools.jackson.databind.node.ObjectNode object) {
            switch (operationId) {
                case "pipelineCouplingCreate" -> {
                    object.put("app", Identities.UNCOUPLED_APP);
                    object.put("pipeline", identities.value("pipeline_id"));
                }
                case "appUpdate" -> object.remove("name");
                default -> {
                }
            }
        }
        return body;
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : out.isEmpty() ? Character.toLowerCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(root.getMessage()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Test
    void theJudgeBites_aMissingRequiredFieldIsRejected() {
        assertThatThrownBy(() -> heroku.domain().domainCreate("demo-storefront", new DomainCreateOpts()).block())
                .isInstanceOf(HerokuInvalidParamsException.class);
        JournalEntry entry = simulator.journal().last();
        assertThat(entry.valid()).isFalse();
        assertThat(entry.messages().toString()).contains("hostname");
    }

    @Test
    void theJudgeBites_theWrongVariantIsRejected() {
        // Usage exists only in the 3.sdk variant; asked for with version=3 it is not there.
        assertThatThrownBy(() -> heroku.webClient().get().uri("/apps/{app}/usage", "demo-storefront")
                .header(HttpHeaders.ACCEPT, "application/vnd.heroku+json; version=3").retrieve().toBodilessEntity().block())
                .isInstanceOf(HerokuNotFoundException.class);
        JournalEntry entry = simulator.journal().last();
        assertThat(entry.valid()).isFalse();
        assertThat(entry.variant()).isEqualTo("3");
    }
}
