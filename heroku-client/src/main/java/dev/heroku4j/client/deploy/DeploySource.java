package dev.heroku4j.client.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What to deploy, packed as the gzipped tarball Heroku builds from: {@link #directory} (every file in it),
 * {@link #jar} (the jar and a {@code Procfile} that runs it; the app needs a JVM buildpack, {@code heroku/jvm}),
 * or {@link #tarball} as it is. Packed once, when the deploy reaches its upload.
 */
public final class DeploySource {

    private final String description;
    private final Supplier<byte[]> pack;

    private DeploySource(String description, Supplier<byte[]> pack) {
        this.description = description;
        this.pack = pack;
    }

    public static DeploySource directory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new DeploySource("directory " + directory, () -> Tarball.ofDirectory(directory));
    }

    /** A runnable jar: {@code web: java $JAVA_OPTS -jar <name>} on {@code $PORT} is the app's Procfile. */
    public static DeploySource jar(Path jar) {
        Objects.requireNonNull(jar, "jar");
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            throw new IllegalArgumentException("not a .jar: " + jar);
        }
        return new DeploySource("jar " + jar, () -> Tarball.of(List.of(name, "Procfile"), List.of(read(jar),
                ("web: java $JAVA_OPTS -Dserver.port=$PORT -jar " + name + "\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** A {@code .tar.gz} (or {@code .tgz}) made elsewhere, sent as it is. */
    public static DeploySource tarball(Path tarball) {
        Objects.requireNonNull(tarball, "tarball");
        return new DeploySource("tarball " + tarball, () -> read(tarball));
    }

    /** Files in memory, by path in the tarball ({@code Procfile}, {@code src/app.rb}), in this order: a bundled app. */
    public static DeploySource files(java.util.Map<String, byte[]> files) {
        java.util.List<String> names = java.util.List.copyOf(files.keySet());
        java.util.List<byte[]> contents = names.stream().map(n -> files.get(n).clone()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no files to deploy");
        }
        return new DeploySource(names.size() + " files", () -> Tarball.of(names, contents));
    }

    /** Tarball bytes in memory (a classpath resource, say). */
    public static DeploySource tarball(byte[] tarGz) {
        Objects.requireNonNull(tarGz, "tarGz");
        byte[] copy = tarGz.clone();
        return new DeploySource("tarball of " + copy.length + " bytes", () -> copy);
    }

    byte[] pack() {
        byte[] bytes = pack.get();
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            throw new IllegalArgumentException(description + " is not gzipped (a .tar.gz is what Heroku builds from)");
        }
        return bytes;
    }

    /** Heroku's checksum form: {@code SHA256:<hex>}. */
    static String checksum(byte[] bytes) {
        try {
            return "SHA256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
