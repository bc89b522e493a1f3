package dev.heroku4j.converter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code schema-converter --schema FILE[=VARIANT] ... --out FILE [--lock FILE] [--patches FILE] [--report]}.
 * {@code --patches} replaces the built-in fixes to Heroku's schema.
 * Exit codes: 0 done, 1 bad input (one line naming file and JSON pointer), 2 bad usage.
 */
public final class ConverterCli {

    static final String USAGE = "usage: schema-converter --schema FILE[=VARIANT] [--schema FILE[=VARIANT] ...] --out FILE"
            + " [--lock SHA256_FILE] [--patches PATCH_FILE] [--waiters WAITERS_FILE] [--report]";

    private ConverterCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SchemaConverter converter = new SchemaConverter();
        Path output = null;
        boolean report = false;
        boolean anySchema = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--schema" -> {
                        String value = value(args, ++i, arg);
                        int eq = value.lastIndexOf('=');
                        if (eq > 0) {
                            converter.schema(Path.of(value.substring(0, eq)), value.substring(eq + 1));
                        } else {
                            converter.schema(Path.of(value));
                        }
                        anySchema = true;
                    }
                    case "--out" -> output = Path.of(value(args, ++i, arg));
                    case "--lock" -> {
                        if (anySchema) {
                            throw new UsageException("--lock must come before --schema");
                        }
                        converter.lock(Path.of(value(args, ++i, arg)));
                    }
                    case "--patches" -> {
                        Path patches = Path.of(value(args, ++i, arg));
                        converter.patches(patches.toString(), new String(SchemaLoader.read(patches), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    case "--waiters" -> {
                        Path waiters = Path.of(value(args, ++i, arg));
                        converter.waiters(waiters.toString(), new String(SchemaLoader.read(waiters), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    case "--report" -> report = true;
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new UsageException("unknown argument '" + arg + "'");
                }
            }
            if (!anySchema || output == null) {
                throw new UsageException("--schema and --out are required");
            }
            SchemaConverter.Result result = converter.convert();
            boolean written = writeIfChanged(output, result.yaml());
            out.println("schema-converter: " + result.report().coverageLine() + (written ? "; wrote " : "; unchanged ") + output);
            if (report) {
                out.print(result.report().render());
            }
            return 0;
        } catch (UsageException e) {
            err.println("schema-converter: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (ConversionException e) {
            err.println("schema-converter: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("schema-converter: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
    }

    /** Leaves an unchanged file alone, so the generator's "skip if the spec is unchanged" works. */
    private static boolean writeIfChanged(Path output, String yaml) throws IOException {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(output) && Arrays.equals(Files.readAllBytes(output), bytes)) {
            return false;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(output, bytes);
        return true;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
