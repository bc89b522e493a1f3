package dev.heroku4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.HerokuResponse;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuInvalidParamsException;
import dev.heroku4j.client.http.HerokuJson;
import dev.heroku4j.client.model.DomainCreateOpts;
import dev.heroku4j.client.paging.Page;
import dev.heroku4j.client.paging.PagedFlux;
import dev.heroku4j.client.paging.PagedIterable;
import dev.heroku4j.client.paging.Range;
import dev.heroku4j.client.retry.RetrySettings;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.schema.HerokuSchema;
import dev.heroku4j.simulator.schema.SchemaVariant;
import dev.heroku4j.simulator.seed.Seeds;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Calls every operation of the OpenAPI document the client was generated from, through {@link HerokuClient} and
 * through {@link ReactiveHerokuClient}, each against a fresh simulator, which judges each request by Heroku's original
 * hyper-schema; then checks that what the client decoded is valid against the link's targetSchema. The method is
 * found by operationId on the tag's accessor (so renamed operations need no change here); the arguments come from
 * Heroku's schema (request bodies synthesised from the link's schema and its examples) and from the simulator's demo
 * data (identities).
 */
class ContractSuiteTest {

    private static final JsonMapper JSON = HerokuJson.mapper();
    /** Bound of every single call; the simulator answers in milliseconds. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int OPERATIONS = 340;
    private static final Map<SchemaVariant, HerokuSchema> SCHEMAS = new EnumMap<>(SchemaVariant.class);
    private static final Map<SchemaVariant, ResponseSynthesizer> SYNTHESIZERS = new EnumMap<>(SchemaVariant.class);
    private static List<Call> calls;

    /** One operation of the OpenAPI document. */
    record Call(String path, String method, JsonNode operation) {

        String operationId() {
            return operation.path("operationId").asString();
        }

        String tag() {
            return operation.path("tags").get(0).asString();
        }

        /** Creates first, then reads and updates, then deletes (the app itself last), so identities exist when used. */
        int phase() {
            return switch (method) {
                case "post" -> 0;
                case "delete" -> path.equals("/apps/{app_id_or_name}") ? 3 : 2;
                default -> 1;
            };
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            operation.path("parameters").forEach(p -> {
                if (p.path("in").asString().equals(in)) {
                    found.add(p);
                }
            });
            return found;
        }

        boolean ranged() {
            for (JsonNode p : operation.path("parameters")) {
                if (p.path("$ref").asString().endsWith("/Range")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " (" + operationId() + ")";
        }
    }

    /**
     * One of the two clients as the suite calls it: {@code call} gets a view of the client, makes one call on it and
     * returns what the generated method returned; the answer is the whole response, with one page for a list.
     */
    private interface Caller {
        HerokuResponse<?> respond(Function<Object, Object> call);
    }

    @BeforeAll
    static void load() throws Exception {
        JsonNode spec;
        try (InputStream in = HerokuClient.class.getResourceAsStream("/META-INF/heroku4j/heroku-openapi.yaml")) {
            assertThat(in).as("the OpenAPI document in the heroku-client jar").isNotNull();
            spec = YAMLMapper.builder().build().readTree(in);
        }
        List<Call> all = new ArrayList<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> all.add(new Call(path.getKey(), op.getKey(), op.getValue()))));
        all.sort(Comparator.comparingInt(Call::phase));
        calls = List.copyOf(all);
        for (SchemaVariant variant : SchemaVariant.values()) {
            HerokuSchema schema = HerokuSchema.load(variant);
            SCHEMAS.put(variant, schema);
            SYNTHESIZERS.put(variant, new ResponseSynthesizer(schema));
        }
    }

    private static HerokuSimulator simulator() {
        return HerokuSimulator.builder().seed(Seeds.DEMO).rateLimit(100_000).start();
    }

    private static <C> C client(HerokuClientBuilder<C> builder, HerokuSimulator simulator) {
        return builder.apiKey("contract-key").baseUrl(simulator.baseUrl()).retry(RetrySettings.disabled())
                .callTimeout(BOUND).build();
    }

    @Test
    void everyOperation_throughHerokuClient_isJudgedValidByHerokusSchema_inBothDirections() {
        try (HerokuSimulator simulator = simulator()) {
            HerokuClient heroku = client(HerokuClient.builder(), simulator);
            firstCallReadsTheQuotaOnce(heroku, simulator);
            everyOperation("HerokuClient", HerokuClient.class, simulator, new Identities(heroku, simulator),
                    call -> heroku.withResponse(view -> onePage(call.apply(view))));
        }
    }

    @Test
    void everyOperation_throughReactiveHerokuClient_isJudgedValidByHerokusSchema_inBothDirections() {
        try (HerokuSimulator simulator = simulator()) {
            ReactiveHerokuClient heroku = client(ReactiveHerokuClient.builder(), simulator);
            firstCallReadsTheQuotaOnce(heroku.blocking(), simulator);
            everyOperation("ReactiveHerokuClient", ReactiveHerokuClient.class, simulator, new Identities(heroku.blocking(), simulator),
                    call -> heroku.withResponse(view -> onePageLater(call.apply(view))).block(BOUND));
        }
    }

    /**
     * The client as users get it, its rate-limit throttle on: its first call is preceded by one free
     * {@code GET /account/rate-limits}, and no other call is. Made here, so that each operation below is one request.
     */
    private static void firstCallReadsTheQuotaOnce(HerokuClient heroku, HerokuSimulator simulator) {
        simulator.journal().clear();
        heroku.account().accountInfo();
        heroku.account().accountInfo();
        assertThat(simulator.journal().entries()).extracting(e -> e.method() + " " + e.path())
                .containsExactly("GET /account/rate-limits", "GET /account", "GET /account");
    }

    /** A list's first page (one request, as {@code page()} promises); any other result as it is. */
    private static Object onePage(Object returned) {
        return returned instanceof PagedIterable<?> list ? list.page() : returned;
    }

    private static Publisher<Object> onePageLater(Object returned) {
        if (returned instanceof PagedFlux<?> list) {
            return list.page().cast(Object.class);
        }
        if (returned instanceof Mono<?> mono) {
            return mono.cast(Object.class);
        }
        throw new IllegalStateException("a reactive operation returned " + returned);
    }

    private static void everyOperation(String client, Class<?> type, HerokuSimulator simulator, Identities identities,
                                       Caller caller) {
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            String problem = check(call, type, simulator, identities, caller);
            if (problem != null) {
                failures.add(call + ": " + problem);
            }
        }
        int passed = calls.size() - failures.size();
        System.out.println("contract: " + passed + "/" + calls.size() + " operations passed (" + client + ")");
        failures.forEach(failure -> System.out.println("  contract failure (" + client + "): " + failure));
        assertThat(calls).hasSize(OPERATIONS);
        assertThat(failures).as(client).isEmpty();
    }

    /** Null when the call passed, else what went wrong. */
    private static String check(Call call, Class<?> type, HerokuSimulator simulator, Identities identities,
                                Caller caller) {
        Method accessor;
        Method method;
        Object[] arguments;
        try {
            accessor = type.getMethod(Character.toLowerCase(call.tag().charAt(0)) + call.tag().substring(1));
            method = operationMethod(accessor.getReturnType(), call.operationId());
            arguments = arguments(call, method, identities);
        } catch (ReflectiveOperationException | IllegalStateException e) {
            return "not callable: " + e.getMessage();
        }
        simulator.journal().clear(); // from here on, only this call's requests
        HerokuResponse<?> response;
        try {
            response = caller.respond(view -> invoke(method, invoke(accessor, view), arguments));
        } catch (RuntimeException e) {
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
        if (response.status() != entry.status()) {
            return "the client reports status " + response.status() + ", the simulator answered " + entry.status();
        }
        Object body = response.body() instanceof Page<?> page ? page.items() : response.body();
        // No body decoded is judged as an empty answer: right only for a link of rel 'empty'.
        String json = body == null ? "" : JSON.writeValueAsString(body);
        // In the variant the client asked for: each operation sends its own.
        SchemaVariant variant = SchemaVariant.ofVersion(entry.variant()).orElse(null);
        var verdict = simulator.judge().response(entry.method(), entry.path(), variant, json);
        if (!verdict.valid()) {
            return "decoded response is not valid against the targetSchema: " + verdict.messages() + " in " + abbreviate(json);
        }
        return null;
    }

    /**
     * The generated method of an operation: identities as strings (the overload taking a UUID delegates to it), and
     * for a list the overload that takes a {@link Range}.
     */
    private static Method operationMethod(Class<?> api, String operationId) {
        Method found = null;
        for (Method candidate : api.getMethods()) {
            if (candidate.getName().equals(operationId)
                    && !java.util.Arrays.asList(candidate.getParameterTypes()).contains(java.util.UUID.class)
                    && (found == null || candidate.getParameterCount() > found.getParameterCount())) {
                found = candidate;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no method " + operationId + " on " + api.getSimpleName());
        }
        return found;
    }

    /** The arguments in the generated order: path parameters, query parameters, body, range (null: the first page). */
    private static Object[] arguments(Call call, Method method, Identities identities) {
        List<JsonNode> path = call.parameters("path");
        List<JsonNode> query = call.parameters("query");
        boolean body = call.operation().has("requestBody");
        int expected = path.size() + query.size() + (body ? 1 : 0) + (call.ranged() ? 1 : 0);
        Parameter[] declared = method.getParameters();
        if (declared.length != expected) {
            throw new IllegalStateException(method + " takes " + declared.length + " arguments, the document describes "
                    + expected);
        }
        Object[] arguments = new Object[declared.length];
        int i = 0;
        for (JsonNode p : path) {
            arguments[i] = convert(JSON.getNodeFactory().stringNode(identities.value(p.path("name").asString())), declared[i]);
            i++;
        }
        for (JsonNode p : query) {
            arguments[i] = convert(p.path("schema").path("example"), declared[i]);
            i++;
        }
        if (body) {
            arguments[i] = body(call, declared[i], identities);
            i++;
        }
        if (call.ranged() && declared[i].getType() != Range.class) {
            throw new IllegalStateException(method + " takes no Range last");
        }
        return arguments;
    }

    private static Object convert(JsonNode value, Parameter parameter) {
        return value.isMissingNode() || value.isNull() ? null
                : JSON.convertValue(value, JSON.getTypeFactory().constructType(parameter.getParameterizedType()));
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body made from the original link's schema (its examples), as the generated type. */
    private static Object body(Call call, Parameter parameter, Identities identities) {
        String source = call.operation().path("x-heroku-links").get(0).asString();
        SchemaVariant variant = source.startsWith("3.sdk ") ? SchemaVariant.V3_SDK : SchemaVariant.V3;
        String pointer = source.substring(source.indexOf('#') + 1);
        JsonNode linkSchema = SCHEMAS.get(variant).at(pointer + "/schema");
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
        if (body instanceof ObjectNode object) {
            switch (operationId) {
                case "pipelineCouplingCreate" -> {
                    object.put("app", Identities.UNCOUPLED_APP);
                    object.put("pipeline", identities.value("pipeline_id"));
                }
                case "appUpdate" -> {
                    object.remove("name");
                    object.remove("build_stack"); // the example names heroku-18, a stack Heroku retired
                }
                case "appCreate" -> object.put("stack", "heroku-24").put("region", "eu"); // the examples name no region Heroku has
                case "appSetupCreate" -> {
                    if (object.get("app") instanceof ObjectNode app) {
                        app.remove("name"); // a generated name: "example" is taken by appCreate
                        app.remove("stack");
                        app.remove("region");
                        app.remove("space");
                        app.remove("organization");
                    }
                }
                case "addOnResolution" -> {
                    object.put("addon", identities.value("add_on_name"));
                    object.put("app", Identities.APP);
                    object.remove("addon_service");
                }
                case "addOnAttachmentCreate" -> {
                    object.put("addon", identities.value("add_on_id_or_name"));
                    object.put("app", Identities.STAGING_APP);
                }
                // the simulator keeps these (lifecycles.json): their app or pipeline must exist, as on Heroku
                case "appTransferCreate" -> object.put("app", Identities.APP);
                case "reviewAppCreate", "testRunCreate" -> object.put("pipeline", identities.value("pipeline_id"));
                case "pipelinePromotionCreate" -> {
                    object.putObject("pipeline").put("id", identities.value("pipeline_id"));
                    object.putObject("source").putObject("app").put("id", identities.appId(Identities.STAGING_APP));
                    object.putArray("targets").addObject().putObject("app").put("id", identities.appId(Identities.APP));
                }
                default -> {
                }
            }
        }
        return body;
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
        try (HerokuSimulator simulator = simulator()) {
            HerokuClient heroku = client(HerokuClient.builder(), simulator);

            assertThatThrownBy(() -> heroku.domain().domainCreate(Identities.APP, new DomainCreateOpts()))
                    .isInstanceOf(HerokuInvalidParamsException.class);
            JournalEntry entry = simulator.journal().last();
            assertThat(entry.valid()).isFalse();
            assertThat(entry.status()).isEqualTo(422);
            assertThat(entry.messages().toString()).contains("hostname");
        }
    }

    @Test
    void theJudgeBites_theWrongVariantIsRejected() throws Exception {
        // Usage exists only in the 3.sdk variant; asked for with version=3 it is not there. Sent by hand, since the
        // client always asks for the operation's own variant.
        HttpClient http = HttpClient.newBuilder().connectTimeout(BOUND).build();
        try (HerokuSimulator simulator = simulator()) {
            Function<String, HttpRequest> usage = version -> HttpRequest.newBuilder(
                            URI.create(simulator.baseUrl() + "/apps/" + Identities.APP + "/usage"))
                    .header("Accept", "application/vnd.heroku+json; version=" + version)
                    .header("Authorization", "Bearer contract-key").timeout(BOUND).GET().build();

            HttpResponse<String> wrong = http.send(usage.apply("3"), HttpResponse.BodyHandlers.ofString());

            assertThat(wrong.statusCode()).isEqualTo(404);
            JournalEntry entry = simulator.journal().last();
            assertThat(entry.valid()).isFalse();
            assertThat(entry.variant()).isEqualTo("3");
            // and the same request in its own variant is found, so the variant alone made the difference
            assertThat(http.send(usage.apply("3.sdk"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(simulator.journal().last().valid()).isTrue();
        }
    }
}
