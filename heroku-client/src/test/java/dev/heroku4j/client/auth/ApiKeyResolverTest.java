package dev.heroku4j.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyResolverTest {

    @TempDir
    Path home;

    private ApiKeyResolver.Builder resolver(Map<String, String> env) {
        return ApiKeyResolver.builder().environment(env::get).homeDirectory(home);
    }

    private void netrc(String text) throws IOException {
        Files.writeString(home.resolve(".netrc"), text);
    }

    @Test
    void get_whenExplicitKey_usesItBeforeEnvAndNetrc() throws IOException {
        netrc("machine api.heroku.com password from-netrc");

        ApiKey key = resolver(Map.of("HEROKU_API_KEY", "from-env")).apiKey("explicit").build().get();

        assertThat(key.value()).isEqualTo("explicit");
    }

    @Test
    void get_whenSupplier_asksOnEveryCall() {
        AtomicInteger calls = new AtomicInteger();
        ApiKeyResolver r = resolver(Map.of()).apiKey(() -> "token-" + calls.incrementAndGet()).build();

        assertThat(r.get().value()).isEqualTo("token-1");
        assertThat(r.get().value()).isEqualTo("token-2");
    }

    @Test
    void get_whenExplicitBlank_fallsBackToEnv() {
        ApiKey key = resolver(Map.of("HEROKU_API_KEY", " from-env \n")).apiKey("  ").build().get();

        assertThat(key.value()).isEqualTo("from-env");
        assertThat(key.source()).isEqualTo("environment variable HEROKU_API_KEY");
    }

    @Test
    void get_whenOnlyNetrc_readsApiHerokuComPassword() throws IOException {
        netrc("machine git.heroku.com\n  password git-key\nmachine api.heroku.com\n  login me\n  password netrc-key\n");

        ApiKey key = resolver(Map.of()).build().get();

        assertThat(key.value()).isEqualTo("netrc-key");
        assertThat(key.source()).contains(".netrc").contains("machine api.heroku.com (line 3)");
    }

    @Test
    void get_whenNetrcEnvVariable_readsThatFile() throws IOException {
        Path other = Files.writeString(home.resolve("custom-netrc"), "default password from-default");

        ApiKey key = resolver(Map.of("NETRC", other.toString())).build().get();

        assertThat(key.value()).isEqualTo("from-default");
    }

    @Test
    void get_whenNothingAnywhere_listsEveryPlaceAndHowToSetOne() {
        assertThatThrownBy(() -> resolver(Map.of()).build().get())
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("configured API key: none")
                .hasMessageContaining("environment variable HEROKU_API_KEY: not set")
                .hasMessageContaining(home.resolve(".netrc") + ": file missing")
                .hasMessageContaining("heroku login")
                .hasMessageContaining("HEROKU_API_KEY");
    }

    @Test
    void get_whenNetrcHasNoMatchingMachine_saysSo() throws IOException {
        netrc("machine example.org login a password b\n");

        assertThatThrownBy(() -> resolver(Map.of()).build().get())
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("no 'machine api.heroku.com' and no 'default' entry");
    }

    @Test
    void get_whenNetrcMalformed_namesFileAndLineAndKeepsCause() throws IOException {
        netrc("machine api.heroku.com\n  login me\n  password\n");

        assertThatThrownBy(() -> resolver(Map.of()).build().get())
                .isInstanceOf(ApiKeyNotFoundException.class)
                .hasMessageContaining("malformed")
                .hasMessageContaining(home.resolve(".netrc") + " line 3")
                .hasCauseInstanceOf(NetrcFormatException.class);
    }

    @Test
    void toString_whenKeyResolved_neverShowsIt() {
        ApiKeyResolver r = resolver(Map.of()).apiKey("super-secret-key").build();

        assertThat(r.get().toString()).doesNotContain("super-secret-key");
        assertThat(r.toString()).doesNotContain("super-secret-key");
    }
}
