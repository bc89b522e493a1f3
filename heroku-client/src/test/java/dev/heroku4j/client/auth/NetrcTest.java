package dev.heroku4j.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class NetrcTest {

    private static final Path FILE = Path.of("/home/u/.netrc");

    private static Netrc parse(String text) {
        return Netrc.parse(FILE, text.lines().toList());
    }

    @Test
    void parse_whenHerokuLoginLayout_findsMachineEntry() {
        Netrc netrc = parse("""
                machine api.heroku.com
                  login me@example.com
                  password key-1
                machine git.heroku.com
                  login me@example.com
                  password key-2
                """);

        assertThat(netrc.entryFor("api.heroku.com")).get()
                .satisfies(e -> assertThat(e.password()).isEqualTo("key-1"))
                .satisfies(e -> assertThat(e.login()).isEqualTo("me@example.com"));
        assertThat(netrc.entryFor("API.Heroku.com")).get().extracting(Netrc.Entry::password).isEqualTo("key-1");
    }

    @Test
    void parse_whenTokensOnOneLineWithComments_findsEntry() {
        Netrc netrc = parse("""
                # written by hand
                machine example.org login a password b   # trailing comment
                machine api.heroku.com login me password secret-key account x
                """);

        assertThat(netrc.entryFor("api.heroku.com")).get().extracting(Netrc.Entry::password).isEqualTo("secret-key");
    }

    @Test
    void entryFor_whenOnlyDefault_returnsDefault() {
        Netrc netrc = parse("machine other.example login a password b\ndefault login x password fallback\n");

        assertThat(netrc.entryFor("api.heroku.com")).get()
                .satisfies(e -> assertThat(e.isDefault()).isTrue())
                .extracting(Netrc.Entry::password).isEqualTo("fallback");
    }

    @Test
    void entryFor_whenNoMatchingMachine_isEmpty() {
        assertThat(parse("machine other.example login a password b").entryFor("api.heroku.com")).isEmpty();
    }

    @Test
    void parse_whenMacdef_skipsMacroBodyUpToBlankLine() {
        Netrc netrc = parse("""
                macdef init
                cd /pub
                password not-a-real-entry

                machine api.heroku.com password after-macro
                """);

        assertThat(netrc.entries()).hasSize(1);
        assertThat(netrc.entryFor("api.heroku.com")).get().extracting(Netrc.Entry::password).isEqualTo("after-macro");
    }

    @Test
    void parse_whenPasswordBeforeMachine_failsNamingFileAndLine() {
        assertThatThrownBy(() -> parse("\n\npassword abc\nmachine api.heroku.com password x"))
                .isInstanceOf(NetrcFormatException.class)
                .hasMessageContaining("/home/u/.netrc line 3")
                .hasMessageContaining("'password' before any 'machine'")
                .satisfies(e -> assertThat(((NetrcFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void parse_whenUnknownToken_failsWithoutQuotingIt() {
        assertThatThrownBy(() -> parse("machine api.heroku.com\n  login me\n  s3cr3t-misplaced\n"))
                .isInstanceOf(NetrcFormatException.class)
                .hasMessageContaining("line 3")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void parse_whenKeywordHasNoValue_failsAtKeywordLine() {
        assertThatThrownBy(() -> parse("machine api.heroku.com\n login me\n password\n"))
                .isInstanceOf(NetrcFormatException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'password' has no value");
    }

    @Test
    void toString_whenEntriesHavePasswords_doesNotShowThem() {
        Netrc netrc = parse("machine api.heroku.com login me password top-secret");

        assertThat(netrc.toString()).doesNotContain("top-secret");
        assertThat(netrc.entries()).extracting(Object::toString).isEqualTo(List.of("machine api.heroku.com (line 1)"));
    }
}
