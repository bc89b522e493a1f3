package dev.heroku4j.client.auth;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads, never writes, the token that {@code heroku login} keeps in the operating system's credential store.
 *
 * <p>What the Heroku CLI does (read in heroku/heroku-cli-command 13.0.1, {@code src/credential-manager-core/}): it
 * stores the token under service {@code heroku-cli} and the account (the login e-mail) through {@code secret-tool}
 * on Linux ({@code linux-handler.ts}: {@code secret-tool lookup service heroku-cli account <login>}) and
 * {@code security} on macOS ({@code macos-handler.ts}: {@code security find-generic-password -a <login> -s heroku-cli
 * -w}), writing {@code ~/.netrc} only when that fails or {@code HEROKU_NETRC_WRITE} asks for it
 * ({@code index.ts saveAuth}). The account is kept in {@code login.json} ({@code lib/login-state.ts},
 * {@code {"account": "<login>"}}) in the CLI's oclif data directory: {@code $HEROKU_DATA_DIR}, else
 * {@code $XDG_DATA_HOME/heroku}, else {@code ~/.local/share/heroku} (oclif's {@code Config.dataDir}). On Linux the CLI
 * uses the store only when {@code secret-tool} is on the PATH, as here.
 *
 * <p>Each step that finds nothing (another OS, no tool on the PATH, no login.json, no entry) is a quiet skip: the
 * resolver goes on to netrc, and the reason only shows in {@link ApiKeyNotFoundException} if nothing is found. The
 * account is not quoted in those reasons (the CLI scrubs it from its errors too).
 */
final class HerokuCliCredentialStore {

    static final String SERVICE = "heroku-cli";
    private static final long TOOL_TIMEOUT_SECONDS = 10; // a locked keyring may prompt; start-up must not hang on it
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one look-up found: the token, or why there is none. */
    record Result(@Nullable String token, String looked) {
    }

    private final String osName;
    private final Function<String, @Nullable String> env;
    private final Supplier<@Nullable Path> home;

    HerokuCliCredentialStore(String osName, Function<String, @Nullable String> env, Supplier<@Nullable Path> home) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.home = home;
    }

    Result lookup() {
        String where = "Heroku CLI credential store";
        String tool = osName.contains("linux") ? "secret-tool" : osName.contains("mac") ? "security" : null;
        if (tool == null) {
            return new Result(null, where + ": not used on this operating system");
        }
        Path executable = onPath(tool);
        if (executable == null) {
            return new Result(null, where + ": " + tool + " not on the PATH");
        }
        Path loginState = loginStateFile();
        if (loginState == null || !Files.isRegularFile(loginState)) {
            return new Result(null, where + ": " + (loginState == null ? "no home directory" : "no " + loginState));
        }
        String account = account(loginState);
        if (account == null) {
            return new Result(null, where + ": " + loginState + " names no account");
        }
        List<String> command = tool.equals("secret-tool")
                ? List.of(executable.toString(), "lookup", "service", SERVICE, "account", account)
                : List.of(executable.toString(), "find-generic-password", "-s", SERVICE, "-a", account, "-w");
        String token = run(command);
        return token == null
                ? new Result(null, where + ": " + tool + " has no '" + SERVICE + "' entry for the account in " + loginState)
                : new Result(token, where + " (" + tool + ", service " + SERVICE + ")");
    }

    private @Nullable Path onPath(String tool) {
        String path = env.apply("PATH");
        if (path == null || path.isBlank()) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir).resolve(tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private @Nullable Path loginStateFile() {
        String dataDir = env.apply("HEROKU_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir).resolve("login.json");
        }
        String xdg = env.apply("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg).resolve("heroku").resolve("login.json");
        }
        Path dir = home.get();
        return dir == null ? null : dir.resolve(".local/share/heroku/login.json");
    }

    private static @Nullable String account(Path loginState) {
        try {
            JsonNode account = JSON.readTree(Files.readString(loginState, StandardCharsets.UTF_8)).get("account");
            return account != null && account.isString() && !account.stringValue().isBlank()
                    ? account.stringValue() : null;
        } catch (IOException | UncheckedIOException | JacksonException e) {
            return null;
        }
    }

    /** The tool's first line of output when it exits 0, else null; its error output is discarded (it may quote the account). */
    private static @Nullable String run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
                    .start();
        } catch (IOException e) {
            return null;
        }
        try (InputStream out = process.getInputStream()) {
            // waited for before reading, so a tool that hangs is given up on; a token fits the pipe's buffer
            if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            byte[] bytes = readAtMost(out);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            String token = (newline < 0 ? text : text.substring(0, newline)).strip();
            return token.isEmpty() ? null : token;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            process.destroy();
        }
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) >= 0 && buffer.size() < MAX_OUTPUT) {
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }
}
