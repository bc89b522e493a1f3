package dev.heroku4j.client.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzipped tar (POSIX ustar), what Heroku's build system takes as source: regular files only, paths relative
 * to the directory, executables kept executable. Deterministic (sorted entries, time 0, no owner), so the same
 * directory gives the same bytes and checksum. A path over ustar's 255 characters is refused, naming it.
 */
final class Tarball {

    private static final int BLOCK = 512;

    private Tarball() {
    }

    /** Every regular file under {@code directory} (hidden {@code .git} directories left out). */
    static byte[] ofDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !directory.relativize(p).toString().replace('\\', '/').matches("(.*/)?\\.git/.*"))
                    .sorted().toList();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                for (Path file : files) {
                    entry(gzip, directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file),
                            Files.isExecutable(file));
                }
                gzip.write(new byte[2 * BLOCK]); // end of archive
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + directory, e);
        }
    }

    /** Named files, in this order. */
    static byte[] of(List<String> names, List<byte[]> contents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < names.size(); i++) {
                entry(gzip, names.get(i), contents.get(i), false);
            }
            gzip.write(new byte[2 * BLOCK]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(OutputStream out, String path, byte[] content, boolean executable) throws IOException {
        byte[] header = new byte[BLOCK];
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length <= 100) {
            System.arraycopy(name, 0, header, 0, name.length);
        } else {
            int split = path.lastIndexOf('/', Math.min(path.length() - 1, 155));
            byte[] prefix = split < 0 ? name : path.substring(0, split).getBytes(StandardCharsets.UTF_8);
            byte[] rest = split < 0 ? name : path.substring(split + 1).getBytes(StandardCharsets.UTF_8);
            if (split < 0 || prefix.length > 155 || rest.length > 100) {
                throw new IllegalArgumentException("path too long for a tarball (ustar: 155 + 100 bytes): " + path);
            }
            System.arraycopy(rest, 0, header, 0, rest.length);
            System.arraycopy(prefix, 0, header, 345, prefix.length);
        }
        octal(header, 100, 8, executable ? 0755 : 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, content.length);
        octal(header, 136, 12, 0);
        header[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        out.write(header);
        out.write(content);
        int pad = (BLOCK - content.length % BLOCK) % BLOCK;
        out.write(new byte[pad]);
    }

    /** An octal number, zero-padded, NUL-terminated, in a field of {@code length} bytes. */
    private static void octal(byte[] header, int at, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("a file too large for a tarball entry: " + value + " bytes");
        }
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, header, at, length - 1);
        header[at + length - 1] = 0;
    }
}
