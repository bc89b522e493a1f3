package dev.heroku4j.converter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pins schema files by sha256, so a changed upstream schema fails the build until someone accepts it on purpose.
 * The lock file has one line per file, {@code <sha256>  <file name>}, as {@code sha256sum} prints it.
 */
final class SchemaLock {

    private final Path lockFile;
    private final Map<String, String> pinned;

    private SchemaLock(Path lockFile, Map<String, String> pinned) {
        this.lockFile = lockFile;
        this.pinned = pinned;
    }

    static SchemaLock read(Path lockFile) {
        String text = new String(SchemaLoader.read(lockFile), StandardCharsets.UTF_8);
        Map<String, String> pinned = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                throw new ConversionException(lockFile.toString(), "line " + (i + 1),
                        "expected '<sha256>  <file name>', found '" + line + "'");
            }
            pinned.put(parts[1], parts[0]);
        }
        return new SchemaLock(lockFile, pinned);
    }

    void verify(Path schemaFile, byte[] content) {
        String name = schemaFile.getFileName().toString();
        String actual = sha256(content);
        String expected = pinned.get(name);
        if (expected == null) {
            throw new ConversionException(schemaFile.toString(), "", "is not pinned in " + lockFile
                    + "; to accept it, add the line: " + actual + "  " + name);
        }
        if (!expected.equals(actual)) {
            throw new ConversionException(schemaFile.toString(), "", "changed: sha256 is " + actual + " but " + lockFile
                    + " pins " + expected + ". Review the schema change, then accept it by replacing that line with: "
                    + actual + "  " + name);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
