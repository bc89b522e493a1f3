package dev.heroku4j.converter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives a non-zero exit and one line naming the file and JSON pointer, never a stack trace. */
class ConverterCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the CLI without the built-in patches, which are for Heroku's real schema, not these fixtures. */
    private int run(String... args) {
        Path noPatches = dir.resolve("no-patches.json");
        try {
            Files.writeString(noPatches, "[]");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--patches", noPatches.toString()),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        return ConverterCli.run(args.length == 0 ? args : all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void validSchema_writesTheSpecAndPrintsCoverage() throws Exception {
        Path schema = write("platform-api.json", Fixture.schema(Fixture.APP));
        Path spec = dir.resolve("out/spec.yaml");

        Path noWaiters = write("waiters.json", "[]"); // the fixture has none of the resources the built-in data names
        assertThat(run("--waiters", noWaiters.toString(), "--schema", schema.toString(), "--out", spec.toString(), "--report")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("operations: 5, links mapped: 5 of 5; wrote")
                .contains("Keywords dropped on purpose");
        assertThat(spec).exists();
        long modified = Files.getLastModifiedTime(spec).toMillis();
        Files.setLastModifiedTime(spec, java.nio.file.attribute.FileTime.fromMillis(modified - 10_000));
        assertThat(run("--waiters", noWaiters.toString(), "--schema", schema.toString(), "--out", spec.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("; unchanged ");
        assertThat(Files.getLastModifiedTime(spec).toMillis()).as("an unchanged spec is not rewritten").isEqualTo(modified - 10_000);
    }

    @Test
    void missingFile_exitsOneWithTheFileName() {
        assertThat(run("--schema", dir.resolve("nope.json").toString(), "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("schema-converter: " + dir.resolve("nope.json") + ": file not found" + System.lineSeparator());
    }

    @Test
    void malformedJson_namesLineAndColumn() throws Exception {
        Path schema = write("bad.json", "{\n  \"definitions\": {,\n}");

        assertThat(run("--schema", schema.toString(), "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        assertThat(err()).startsWith("schema-converter: " + schema + ": malformed JSON (line 2, column 19)").doesNotContain("\tat ");
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void missingDefinitions_namesThePointer() throws Exception {
        Path schema = write("empty.json", "{\"title\": \"x\"}");

        assertThat(run("--schema", schema.toString(), "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        assertThat(err()).startsWith("schema-converter: " + schema + " at #/definitions: missing or not an object");
    }

    @Test
    void hrefParameterPointingNowhere_namesTheLink() throws Exception {
        Path schema = write("s.json", Fixture.schema(Fixture.APP.replaceFirst("%2Fapp%2Fdefinitions%2Fidentity", "%2Fnothing%2Fdefinitions%2Fidentity")));

        assertThat(run("--schema", schema.toString(), "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        assertThat(err()).startsWith("schema-converter: " + schema + " at #/definitions/app/links/1/href: href parameter"
                + " '#/definitions/nothing/definitions/identity' points nowhere");
    }

    @Test
    void brokenHrefTemplate_isRejected() throws Exception {
        Path schema = write("s.json", Fixture.schema(Fixture.APP.replace("'href': '/apps', 'ranges'", "'href': '/apps/{(unclosed', 'ranges'")));

        assertThat(run("--schema", schema.toString(), "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        assertThat(err()).contains("at #/definitions/app/links/2/href: broken href template '/apps/{(unclosed'");
    }

    @Test
    void wrongTypeKeyword_namesThePointer() throws Exception {
        Path schema = write("s.json", Fixture.schema(Fixture.APP.replace("'type': ['null', 'string']", "'type': 42")));

        assertThat(run("--schema", schema.toString(), "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        assertThat(err()).contains("at #/definitions/app/properties/released_at/type: must be a type name or an array of type names");
    }

    @Test
    void lock_rejectsAChangedSchemaAndSaysHowToAcceptIt() throws Exception {
        Path schema = write("platform-api.json", Fixture.schema(Fixture.APP));
        Path lock = write("schema.sha256", "0".repeat(64) + "  platform-api.json\n");

        assertThat(run("--lock", lock.toString(), "--schema", schema.toString(), "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        String actual = SchemaLock.sha256(Files.readAllBytes(schema));
        assertThat(err()).contains("changed: sha256 is " + actual).contains("replacing that line with: " + actual + "  platform-api.json");

        Files.writeString(lock, actual + "  platform-api.json\n");
        Path noWaiters = write("waiters.json", "[]");
        assertThat(run("--waiters", noWaiters.toString(), "--lock", lock.toString(), "--schema", schema.toString(),
                "--out", dir.resolve("o.yaml").toString())).isZero();
    }

    @Test
    void badUsage_exitsTwo() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown argument '--bogus'").contains("usage:");
        assertThat(run("--schema")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void sameVariantTwice_isRejected() throws Exception {
        Path schema = write("platform-api.json", Fixture.schema(Fixture.APP));

        assertThat(run("--schema", schema.toString(), "--schema", schema + "=3", "--out", dir.resolve("o.yaml").toString())).isEqualTo(1);
        assertThat(err()).contains("variant 3 is given twice");
    }
}
