package dev.heroku4j.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutates Heroku's real schema (drops keys, wrong types, $ref cycles, broken href templates, huge strings) and
 * checks that every conversion either succeeds or fails with a {@link ConversionException} that names the file and
 * a JSON pointer: never another exception. Seeded, so a failing case is reproducible by its number.
 */
class HostileSchemaTest {

    private static final int CASES = 1_000;
    private static final long SEED = 0x4e7201cL;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TestFactory
    Stream<DynamicTest> mutatedRealSchema_convertsOrFailsCleanly() throws Exception {
        Path file = Path.of(System.getProperty("heroku.schema.dir", "../../shared/heroku-schema"), "platform-api.json");
        JsonNode original = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        // Fixes to the real schema come first, as the build applies them.
        JsonNode patched = original.deepCopy();
        SchemaPatches.builtIn().apply("3", patched, "platform-api.json", new ConversionReport());
        List<String> pointers = new ArrayList<>();
        collect(patched, "", pointers);
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(i -> {
            ObjectNode root = (ObjectNode) patched.deepCopy();
            String description = mutate(root, pointers.get(random.nextInt(pointers.size())), random);
            return DynamicTest.dynamicTest("case " + i + ": " + description, () -> check(root, description));
        });
    }

    private static void check(ObjectNode root, String description) {
        try {
            SchemaConverter.convert(List.of(new Variant("3", "platform-api.json", root)), new ConversionReport());
        } catch (ConversionException e) {
            assertThat(e.getMessage()).startsWith("platform-api.json");
            assertThat(e.pointer()).as("a JSON pointer for: " + e.getMessage()).startsWith("#");
            assertThat(e.getMessage()).doesNotContain("\n");
        } catch (RuntimeException | StackOverflowError e) {
            fail("after " + description + ": " + e, e);
        }
    }

    /** Every node's pointer, so a mutation can land anywhere (examples aside: they are data, not schema). */
    private static void collect(JsonNode node, String pointer, List<String> pointers) {
        pointers.add(pointer);
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                if (!name.equals("example")) {
                    collect(node.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), pointers);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, pointers);
            }
        }
    }

    private static String mutate(ObjectNode root, String pointer, Random random) {
        JsonNode target = root.at(pointer);
        int parentEnd = pointer.lastIndexOf('/');
        JsonNode parent = parentEnd < 0 ? null : root.at(pointer.substring(0, parentEnd));
        String key = parentEnd < 0 ? "" : pointer.substring(parentEnd + 1).replace("~1", "/").replace("~0", "~");
        switch (random.nextInt(6)) {
            case 0 -> { // drop a key
                if (parent instanceof ObjectNode object) {
                    object.remove(key);
                    return "drop " + pointer;
                }
                if (parent instanceof ArrayNode array) {
                    array.remove(Integer.parseInt(key));
                    return "drop " + pointer;
                }
            }
            case 1 -> { // a value of the wrong type
                JsonNode wrong = switch (random.nextInt(5)) {
                    case 0 -> NODES.numberNode(42);
                    case 1 -> NODES.stringNode("oops");
                    case 2 -> NODES.nullNode();
                    case 3 -> NODES.booleanNode(true);
                    default -> NODES.arrayNode().add(1);
                };
                return replace(root, parent, key, pointer, wrong, "wrong type " + wrong + " at ");
            }
            case 2 -> { // a $ref cycle through this node
                if (target instanceof ObjectNode object && !pointer.isEmpty()) {
                    object.removeAll();
                    object.put("$ref", "#" + pointer);
                    return "$ref to itself at " + pointer;
                }
            }
            case 3 -> { // a $ref that points nowhere
                if (target instanceof ObjectNode object) {
                    object.put("$ref", "#/definitions/nowhere-" + random.nextInt(100));
                    return "dangling $ref at " + pointer;
                }
            }
            case 4 -> { // a broken href template
                List<JsonNode> hrefs = root.findValues("href");
                if (!hrefs.isEmpty()) {
                    JsonNode links = root.path("definitions").path("app").path("links");
                    int index = random.nextInt(links.size());
                    String href = links.get(index).path("href").asString();
                    String broken = random.nextBoolean() ? href.replace(")}", "}") : href + "/{(%23%2Fdefinitions";
                    ((ObjectNode) links.get(index)).put("href", broken);
                    return "broken href " + broken;
                }
            }
            default -> { // a huge string
                return replace(root, parent, key, pointer, NODES.stringNode("x".repeat(200_000)), "huge string at ");
            }
        }
        return replace(root, parent, key, pointer, NODES.objectNode(), "empty object at ");
    }

    private static String replace(ObjectNode root, JsonNode parent, String key, String pointer, JsonNode value, String what) {
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), value);
        } else {
            root.set("definitions", value);
            return what + "/definitions";
        }
        return what + pointer;
    }
}
