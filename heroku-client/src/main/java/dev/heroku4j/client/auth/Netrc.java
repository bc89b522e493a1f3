package dev.heroku4j.client.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A parsed netrc file ({@code ~/.netrc}), as written by {@code heroku login}.
 *
 * <p>Grammar: whitespace-separated tokens, on one line or spread over several; {@code machine <host>} or
 * {@code default} starts an entry, followed by {@code login}, {@code password} and {@code account} values;
 * {@code macdef <name>} skips lines up to the next blank line; {@code #} starts a comment up to the end of the line.
 * Quoted tokens are not supported (neither Heroku's CLI nor curl writes them).
 */
public final class Netrc {

    private static final Set<String> VALUE_KEYWORDS = Set.of("login", "password", "account");

    /** One {@code machine} or {@code default} entry. */
    public record Entry(@Nullable String machine, @Nullable String login, @Nullable String password,
                        @Nullable String account, int line) {

        public boolean isDefault() {
            return machine == null;
        }

        @Override
        public String toString() { // never shows the password
            return (machine == null ? "default" : "machine " + machine) + " (line " + line + ")";
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private Netrc(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws NetrcFormatException if the file is malformed
     * @throws UncheckedIOException if it cannot be read
     */
    public static Netrc parse(Path file) {
        try {
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static Netrc parse(Path file, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        EntryBuilder current = null;
        String pendingKeyword = null;  // a keyword whose value is still to come
        int pendingLine = 0;
        boolean inMacro = false;
        boolean macroNameNeeded = false;

        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (inMacro && !macroNameNeeded) {
                if (line.isBlank()) {
                    inMacro = false;
                }
                continue;
            }
            for (String token : line.strip().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if (token.startsWith("#")) {
                    break; // comment up to the end of the line
                }
                if (macroNameNeeded) {
                    macroNameNeeded = false;
                    break; // the rest of this line and the following lines belong to the macro
                }
                if (pendingKeyword != null) {
                    switch (pendingKeyword) {
                        case "machine" -> current = startEntry(entries, current, token, pendingLine);
                        case "login" -> current.login = token;
                        case "password" -> current.password = token;
                        case "account" -> current.account = token;
                        default -> throw new IllegalStateException(pendingKeyword);
                    }
                    pendingKeyword = null;
                    continue;
                }
                switch (token) {
                    case "machine" -> {
                        pendingKeyword = token;
                        pendingLine = lineNo;
                    }
                    case "default" -> current = startEntry(entries, current, null, lineNo);
                    case "macdef" -> {
                        inMacro = true;
                        macroNameNeeded = true;
                    }
                    default -> {
                        if (!VALUE_KEYWORDS.contains(token)) {
                            // Do not quote the token: a misplaced password would end up in a log.
                            throw new NetrcFormatException(file, lineNo, "unexpected token of " + token.length()
                                    + " characters; expected one of machine, default, login, password, account, macdef");
                        }
                        if (current == null) {
                            throw new NetrcFormatException(file, lineNo,
                                    "'" + token + "' before any 'machine' or 'default' entry");
                        }
                        pendingKeyword = token;
                        pendingLine = lineNo;
                    }
                }
            }
            if (macroNameNeeded) {
                throw new NetrcFormatException(file, lineNo, "'macdef' without a macro name");
            }
        }
        if (pendingKeyword != null) {
            throw new NetrcFormatException(file, pendingLine, "'" + pendingKeyword + "' has no value");
        }
        if (current != null) {
            entries.add(current.build());
        }
        return new Netrc(file, entries);
    }

    private static EntryBuilder startEntry(List<Entry> entries, @Nullable EntryBuilder current,
                                           @Nullable String machine, int line) {
        if (current != null) {
            entries.add(current.build());
        }
        return new EntryBuilder(machine, line);
    }

    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The first entry for {@code machine} (host names compare case-insensitively), else the {@code default} entry. */
    public Optional<Entry> entryFor(String machine) {
        return entries.stream().filter(e -> !e.isDefault() && e.machine().equalsIgnoreCase(machine)).findFirst()
                .or(() -> entries.stream().filter(Entry::isDefault).findFirst());
    }

    @Override
    public String toString() {
        return "Netrc[" + file + ", " + entries + "]";
    }

    private static final class EntryBuilder {
        final @Nullable String machine;
        final int line;
        @Nullable String login;
        @Nullable String password;
        @Nullable String account;

        EntryBuilder(@Nullable String machine, int line) {
            this.machine = machine;
            this.line = line;
        }

        Entry build() {
            return new Entry(machine, login, password, account, line);
        }
    }
}
