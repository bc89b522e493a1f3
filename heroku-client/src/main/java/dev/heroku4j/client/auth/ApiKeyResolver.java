package dev.heroku4j.client.auth;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Finds the API key, in this order:
 * <ol>
 *   <li>an explicit key or {@code Supplier<String>} (asked on every call, so a rotating token works; a {@code null}
 *       or blank answer falls through to the next place, which suits an unset Spring property);</li>
 *   <li>the environment variable {@code HEROKU_API_KEY};</li>
 *   <li>the Heroku CLI's credential store, where {@code heroku login} (CLI 13 and later) keeps the token: read with
 *       {@code secret-tool} on Linux and {@code security} on macOS, skipped where the tool is not on the PATH
 *       ({@link HerokuCliCredentialStore});</li>
 *   <li>the netrc file: {@code $NETRC} if set, else {@code ~/.netrc} (or {@code ~/_netrc} when that is absent), entry
 *       {@code machine api.heroku.com} or else {@code default}, its {@code password}, as written by
 *       {@code heroku login} where there is no credential store. A file that others can write is refused, one
 *       that others can read is used with a warning ({@link NetrcPermissions}).</li>
 * </ol>
 * A configured value that is an unresolved placeholder ({@code ${HEROKU_API_KEY}}) counts as no key.
 * A key found in the environment or the netrc file is remembered after the first success.
 * When nothing is found, {@link #get()} throws {@link ApiKeyNotFoundException} listing each place and why it failed.
 */
public final class ApiKeyResolver implements Supplier<ApiKey> {

    public static final String ENV_VARIABLE = "HEROKU_API_KEY";
    public static final String DEFAULT_NETRC_MACHINE = "api.heroku.com";

    private final @Nullable Supplier<@Nullable String> explicit;
    private final Function<String, @Nullable String> env;
    private final Supplier<@Nullable Path> homeDir;
    private final String netrcMachine;
    private final String osName;
    private volatile @Nullable ApiKey cached;

    private ApiKeyResolver(Builder b) {
        this.explicit = b.explicit;
        this.env = b.env;
        this.homeDir = b.homeDir;
        this.netrcMachine = b.netrcMachine;
        this.osName = b.osName;
    }

    /** Environment, then netrc, with the real environment and home directory. */
    public static ApiKeyResolver standard() {
        return builder().build();
    }

    /** The given key first, then environment and netrc (the key may be blank/null to mean "not configured"). */
    public static ApiKeyResolver of(@Nullable String key) {
        return builder().apiKey(key).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ApiKey get() {
        List<String> looked = new ArrayList<>();
        if (explicit != null) {
            String value = explicit.get();
            if (value != null && !value.isBlank() && !isPlaceholder(value)) {
                return ApiKey.of(value, "the configured API key");
            }
            looked.add("configured API key: " + (value == null ? "null" : value.isBlank() ? "blank"
                    : "the unresolved placeholder " + value.strip() + " (nothing set it)"));
        } else {
            looked.add("configured API key: none");
        }
        ApiKey known = cached;
        if (known != null) {
            return known;
        }
        String fromEnv = env.apply(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return remember(ApiKey.of(fromEnv, "environment variable " + ENV_VARIABLE));
        }
        looked.add("environment variable " + ENV_VARIABLE + ": " + (fromEnv == null ? "not set" : "blank"));

        HerokuCliCredentialStore.Result stored = new HerokuCliCredentialStore(osName, env, homeDir).lookup();
        if (stored.token() != null) {
            return remember(ApiKey.of(stored.token(), stored.looked()));
        }
        looked.add(stored.looked());

        Throwable cause = null;
        Path netrcFile = netrcFile();
        if (netrcFile == null) {
            looked.add("netrc file: no home directory (user.home not set)");
        } else if (!Files.isRegularFile(netrcFile)) {
            looked.add(netrcFile + ": file missing");
        } else {
            String refused = NetrcPermissions.check(netrcFile);
            if (refused != null) {
                looked.add(netrcFile + ": " + refused);
            } else try {
                Netrc netrc = Netrc.parse(netrcFile);
                Optional<Netrc.Entry> entry = netrc.entryFor(netrcMachine);
                if (entry.isEmpty()) {
                    looked.add(netrcFile + ": no 'machine " + netrcMachine + "' and no 'default' entry");
                } else if (entry.get().password() == null || entry.get().password().isBlank()) {
                    looked.add(netrcFile + ": " + entry.get() + " has no password");
                } else {
                    return remember(ApiKey.of(entry.get().password(), netrcFile + " " + entry.get()));
                }
            } catch (NetrcFormatException | UncheckedIOException e) {
                looked.add(netrcFile + ": malformed or unreadable: " + e.getMessage());
                cause = e;
            }
        }
        throw new ApiKeyNotFoundException("No Heroku API key found. Looked at:\n  - " + String.join("\n  - ", looked)
                + "\nSet one of: the API key option of the client (HerokuClient.builder().apiKey(...)), "
                + "the environment variable " + ENV_VARIABLE + " (e.g. from `heroku authorizations:create --short`), "
                + "`heroku login` (its credential store or netrc), "
                + "or a netrc entry 'machine " + netrcMachine + " login <email> password <key>'.",
                cause);
    }

    /*
     * A Spring property such as "api-key: ${HEROKU_API_KEY}" binds as that literal text when nothing defines the
     * variable (the binder leaves unresolvable placeholders as they are). Sent, it would be "Bearer ${HEROKU_API_KEY}"
     * and a 401 at the first call; as no key, it falls through to the other places and, failing them, to the usual
     * "no key found" explanation. No Heroku key or token has this form.
     */
    static boolean isPlaceholder(String value) {
        String v = value.strip();
        return v.startsWith("${") && v.endsWith("}");
    }

    private ApiKey remember(ApiKey key) {
        cached = key;
        return key;
    }

    private @Nullable Path netrcFile() {
        String override = env.apply("NETRC");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = homeDir.get();
        if (home == null) {
            return null;
        }
        Path unix = home.resolve(".netrc");
        Path windows = home.resolve("_netrc");
        return !Files.exists(unix) && Files.exists(windows) ? windows : unix;
    }

    @Override
    public String toString() { // never resolves or shows the key
        return "ApiKeyResolver[explicit=" + (explicit != null) + ", env=" + ENV_VARIABLE + ", netrc machine="
                + netrcMachine + "]";
    }

    public static final class Builder {
        private @Nullable Supplier<@Nullable String> explicit;
        private Function<String, @Nullable String> env = System::getenv;
        private Supplier<@Nullable Path> homeDir = () -> {
            String home = System.getProperty("user.home");
            return home == null || home.isBlank() ? null : Path.of(home);
        };
        private String netrcMachine = DEFAULT_NETRC_MACHINE;
        private String osName = String.valueOf(System.getProperty("os.name"));

        private Builder() {
        }

        /** A fixed key; {@code null} or blank means "not configured". */
        public Builder apiKey(@Nullable String key) {
            this.explicit = key == null ? null : () -> key;
            return this;
        }

        /** A key asked for on every request (e.g. a rotating OAuth token). */
        public Builder apiKey(Supplier<@Nullable String> supplier) {
            this.explicit = Objects.requireNonNull(supplier, "supplier");
            return this;
        }

        /** Replaces {@code System::getenv} (tests). */
        public Builder environment(Function<String, @Nullable String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** Replaces {@code user.home} (tests). */
        public Builder homeDirectory(Path home) {
            Objects.requireNonNull(home, "home");
            this.homeDir = () -> home;
            return this;
        }

        /**
         * Replaces {@code os.name} (tests): which tool reads the Heroku CLI's credential store. The tool is looked
         * for on the {@code PATH} of the {@link #environment environment}.
         */
        public Builder operatingSystem(String osName) {
            this.osName = Objects.requireNonNull(osName, "osName");
            return this;
        }

        /** The netrc machine to read, default {@value #DEFAULT_NETRC_MACHINE}. */
        public Builder netrcMachine(String machine) {
            this.netrcMachine = Objects.requireNonNull(machine, "machine");
            return this;
        }

        public ApiKeyResolver build() {
            return new ApiKeyResolver(this);
        }
    }
}
