package dev.heroku4j.converter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Heroku JSON Hyper-Schema variants in, one OpenAPI 3.0.3 document out. Deterministic: the same input gives
 * byte-identical output.
 */
public final class SchemaConverter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    /** The result: the document as YAML, and what the conversion did. */
    public record Result(String yaml, ConversionReport report) {
    }

    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private SchemaPatches patches = SchemaPatches.builtIn();
    private Waiters waiters = Waiters.builtIn();
    private SchemaLock lock;

    private record Input(String variant, String source, byte[] content) {
    }

    /** Adds a schema file; its variant is taken from the file name ({@code ...3.sdk...} or the contract, 3). */
    public SchemaConverter schema(Path file) {
        return schema(file, Variant.nameFromFile(file.getFileName().toString()));
    }

    public SchemaConverter schema(Path file, String variant) {
        byte[] content = SchemaLoader.read(file);
        if (lock != null) {
            lock.verify(file, content);
        }
        return schema(file.toString(), variant, content);
    }

    /** Adds a schema from memory (tests, other tools). */
    public SchemaConverter schema(String source, String variant, byte[] content) {
        if (inputs.containsKey(variant)) {
            throw new ConversionException(source, "", "variant " + variant + " is given twice (also "
                    + inputs.get(variant).source() + ")");
        }
        inputs.put(variant, new Input(variant, source, content));
        return this;
    }

    /** Pins schema files by sha256; must be set before {@link #schema(Path)}. */
    public SchemaConverter lock(Path lockFile) {
        this.lock = SchemaLock.read(lockFile);
        return this;
    }

    /** Replaces the built-in patches (tests). */
    public SchemaConverter patches(String source, String json) {
        this.patches = SchemaPatches.parse(source, json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Replaces the built-in waiter data (tests). */
    public SchemaConverter waiters(String source, String json) {
        this.waiters = Waiters.parse(source, json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Result convert() {
        if (inputs.isEmpty()) {
            throw new ConversionException("(no input)", "", "give at least one schema file");
        }
        ConversionReport report = new ConversionReport();
        List<Variant> variants = new ArrayList<>();
        for (Input input : inputs.values()) {
            JsonNode root = SchemaLoader.parse(input.source(), input.content());
            patches.apply(input.variant(), root, input.source(), report);
            variants.add(new Variant(input.variant(), input.source(), root));
        }
        ObjectNode document = convert(variants, report);
        waiters.apply(document, variants, report);
        return new Result(YAML.writeValueAsString(document), report);
    }

    /** The conversion proper, on parsed and patched trees. */
    static ObjectNode convert(List<Variant> variants, ConversionReport report) {
        variants.forEach(SchemaCheck::check);
        SchemaSet schemas = new SchemaSet(variants);
        OperationIndex index = new OperationIndex(schemas, report);
        ObjectNode document = new OpenApiBuilder(schemas, report).build(index);
        if (report.linksMapped() != report.links()) {
            throw new ConversionException(schemas.contract().source(), "", "only " + report.coverageLine());
        }
        return document;
    }
}
