package dev.heroku4j.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.heroku4j.client.testsupport.LogCapture;

/**
 * The key sources added for issue 17: an unresolved placeholder is no key; the Heroku CLI's credential store sits
 * between HEROKU_API_KEY and netrc (a fake {@code secret-tool} on a PATH given to the resolver, never the real
 * environment); netrc permissions are judged before the file is read.
 */
class ApiKeySourcesTest {

    static final String CLI_TOKEN = "HRKU-from-the-keyring-0123456789";

    @TempDir
    Path home;

    @TempDir
    Path bin;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void noToolsByDefault() {
        env.put("PATH", bin.toString());
    }

    private ApiKeyResolver.Builder resolver() {
        return ApiKeyResolver.builder().environment(env::get).homeDirectory(home).operatingSystem("Linux");
    }

    private void netrc(String text, String permissions) throws IOException {
        Path file = home.resolve(".netrc");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }

    /** login.json as the CLI writes it, and a secret-tool that answers only the CLI's exact lookup. */
    private void herokuLogin(String account) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the fake secret-tool is a POSIX shell script");
        Path data = Files.createDirectories(home.resolve(".local/share/heroku"));
        Files.writeString(data.resolve("login.json"), "{\"account\":\"" + account + "\"}\n");
        Path tool = bin.resolve("secret-tool");
        Files.writeString(tool, """
                #!/bin/sh
                if [ "$1 $2 $3 $4 $5" = "lookup service heroku-cli account me@example.com" ]; then
                  echo "%s"
                  exit 0
                fi
                echo "no such secret: $*" >&2
                exit 1
                """.formatted(CLI_TOKEN));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void placeholder_unresolved_isNoKey_fallsBackToTheEnvironment() {
        env.put("HEROKU_API_KEY", "from-env");

        ApiKey key = resolver().apiKey("${HEROKU_API_KEY}").build().get();

        assertThat(key.value()).isEqualTo("from-env");
    }

    @Test
    void placeholder_unresolvedAndNothingElse_failsSayingWhy() {
        assertThatThrownBy(() -> resolver().apiKey(" ${HEROKU_API_KEY} ").build().get())
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("configured API key: the unresolved placeholder ${HEROKU_API_KEY}")
                .hasMessageContaining("Heroku CLI credential store: secret-tool not on the PATH");
    }

    @Test
    void cliStore_afterTheEnvironmentBeforeNetrc() throws IOException {
        herokuLogin("me@example.com");
        netrc("machine api.heroku.com password from-netrc\n", "rw-------");

        ApiKey key = resolver().build().get();
        assertThat(key.value()).isEqualTo(CLI_TOKEN);
        assertThat(key.source()).contains("Heroku CLI credential store").doesNotContain("me@example.com");

        env.put("HEROKU_API_KEY", "from-env");
        assertThat(resolver().build().get().value()).isEqualTo("from-env");
    }

    @Test
    void cliStore_noEntryForTheAccount_fallsToNetrcQuietly() throws IOException {
        herokuLogin("someone-else@example.com");
        netrc("machine api.heroku.com password from-netrc\n", "rw-------");

        assertThat(resolver().build().get().value()).isEqualTo("from-netrc");
    }

    @Test
    void cliStore_toolAbsentOrOtherOs_isSkipped() throws IOException {
        herokuLogin("me@example.com");
        netrc("machine api.heroku.com password from-netrc\n", "rw-------");

        assertThat(resolver().operatingSystem("Windows 11").build().get().value()).isEqualTo("from-netrc");
        env.put("PATH", home.toString());
        assertThat(resolver().build().get().value()).isEqualTo("from-netrc");
    }

    @Test
    void cliStore_dataDirFromHerokuDataDir() throws IOException {
        herokuLogin("me@example.com");
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.move(home.resolve(".local/share/heroku/login.json"), elsewhere.resolve("login.json"));
        assertThatThrownBy(() -> resolver().build().get()).hasMessageContaining("no " + home.resolve(".local/share/heroku/login.json"));

        env.put("HEROKU_DATA_DIR", elsewhere.toString());
        assertThat(resolver().build().get().value()).isEqualTo(CLI_TOKEN);
    }

    @Test
    void netrc_writableByOthers_isRefused() throws IOException {
        netrc("machine api.heroku.com password planted\n", "rw-rw-rw-");

        assertThatThrownBy(() -> resolver().build().get())
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("refused: writable by group or others")
                .hasMessageNotContaining("planted");
    }

    @Test
    void netrc_readableByOthers_isUsedWithOneWarning() throws IOException {
        netrc("machine api.heroku.com password readable\n", "rw-r--r--");

        try (LogCapture logs = LogCapture.of(Level.WARN, NetrcPermissions.class)) {
            assertThat(resolver().build().get().value()).isEqualTo("readable");
            assertThat(resolver().build().get().value()).isEqualTo("readable");

            assertThat(logs.messages()).hasSize(1);
            assertThat(logs.all()).contains("readable by group or others").contains("chmod 600")
                    .doesNotContain("password readable");
        }
    }

    @Test
    void netrc_ownerOnly_noWarning() throws IOException {
        netrc("machine api.heroku.com password private\n", "rw-------");

        try (LogCapture logs = LogCapture.of(Level.WARN, NetrcPermissions.class)) {
            assertThat(resolver().build().get().value()).isEqualTo("private");
            assertThat(logs.messages()).isEmpty();
        }
    }
}
