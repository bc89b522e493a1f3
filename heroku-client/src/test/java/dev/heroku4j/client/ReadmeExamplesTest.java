package dev.heroku4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.model.App;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.BuildCreateOpts;
import dev.heroku4j.client.model.BuildSourceBlob;
import dev.heroku4j.client.model.Formation;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.client.model.LogSession;
import dev.heroku4j.client.model.LogSessionCreateOpts;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.model.Source;
import dev.heroku4j.client.paging.Range;

/**
 * Keeps heroku-client/README.md true in two ways.
 *
 * <ol>
 *   <li>Every {@code ```java} block of the README, whatever the README holds, is compiled against this build
 *       ({@link #everyJavaBlockOfTheReadme_compiles}): as the body of a method where the names of {@link Scope}
 *       are in scope (declare a name in the block to use it otherwise), or else as class members, or else as a
 *       whole file; the usual packages are imported ({@link #IMPORTS}). A block fenced {@code ```java no-compile}
 *       is left out.</li>
 *   <li>The jobs the README's table shows run here, on both clients, against a loopback stub (the other tests),
 *       written as the table writes them.</li>
 * </ol>
 */
class ReadmeExamplesTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Path README = Path.of("README.md");

    /** What a README block may use without declaring it. Only compiled against, never run. */
    @SuppressWarnings("unused")
    static class Scope {
        HerokuClient heroku;
        ReactiveHerokuClient reactive;
        String apiKey;
        String app;
        Path tarball;
        java.util.UUID buildId;
        java.util.UUID releaseId;
        String url;
    }

    static final List<String> IMPORTS = List.of(
            "dev.heroku4j.client.*", "dev.heroku4j.client.api.*", "dev.heroku4j.client.model.*",
            "dev.heroku4j.client.paging.*", "dev.heroku4j.client.error.*", "dev.heroku4j.client.auth.*",
            "dev.heroku4j.client.retry.*", "dev.heroku4j.client.ratelimit.*", "dev.heroku4j.client.streaming.*",
            "dev.heroku4j.client.waiter.*", "dev.heroku4j.client.deploy.*",
            "java.util.List", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.Optional",
            "java.util.stream.Stream", "java.time.Duration", "java.nio.file.Path", "java.nio.file.Files",
            "reactor.core.publisher.Mono", "reactor.core.publisher.Flux");

    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java([^\\n]*)\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyJavaBlockOfTheReadme_compiles(@TempDir Path out) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher blocks = JAVA_BLOCK.matcher(readme);
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        for (int n = 1; blocks.find(); n++) {
            if (blocks.group(1).contains("no-compile")) {
                continue;
            }
            String code = blocks.group(2);
            long line = readme.substring(0, blocks.start()).lines().count() + 1;
            String errors = compileAnyForm("ReadmeBlock" + n, code, out);
            if (errors != null) {
                failures.add("README.md block " + n + " (line " + line + "):\n" + code.indent(4) + errors.indent(2));
            }
            compiled++;
        }
        assertThat(failures).as("README.md java blocks that do not compile").isEmpty();
        assertThat(compiled).as("java blocks in README.md").isPositive();
    }

    /** Null when the block compiles in one of its three possible forms, else the errors of the method-body form. */
    private static String compileAnyForm(String name, String code, Path out) {
        String imports = IMPORTS.stream().map(i -> "import " + i + ";\n").collect(Collectors.joining());
        String prefix = "package dev.heroku4j.client;\n" + imports;
        String asMethod = compile(name, prefix + "class " + name + " extends ReadmeExamplesTest.Scope {\n"
                + "void run() throws Exception {\n" + code + "\n}\n}\n", out);
        if (asMethod == null) {
            return null;
        }
        if (compile(name, prefix + "class " + name + " extends ReadmeExamplesTest.Scope {\n" + code + "\n}\n", out) == null) {
            return null;
        }
        if (!code.contains("package ") && compile(publicClassName(code, name), prefix + code, out) == null) {
            return null;
        }
        return asMethod;
    }

    private static String publicClassName(String code, String fallback) {
        Matcher m = Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)").matcher(code);
        return m.find() ? m.group(1) : fallback;
    }

    /** Compiles one source file against the test class path; null when it compiles, else its errors. */
    private static String compile(String className, String source, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK runs the tests").isNotNull();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
                "-d", out.toString(), "-classpath", String.join(File.pathSeparator, classPath()));
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        if (ok) {
            return null;
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** The test class path, with the Class-Path of a manifest-only jar (Surefire's) spelled out. */
    private static Set<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                Manifest manifest = jar.getManifest();
                String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    URI base = Path.of(entry).toAbsolutePath().getParent().toUri();
                    for (String item : listed.trim().split("\\s+")) {
                        entries.add(Path.of(base.resolve(item)).toString());
                    }
                }
            } catch (IOException e) {
                // not a jar we can read: javac will say what it misses
            }
        }
        return entries;
    }

    @Test
    void theCompileCheck_catchesABlockThatDoesNotCompile(@TempDir Path out) {
        assertThat(compileAnyForm("Good", "App app = heroku.app().appInfo(\"my-app\");", out)).isNull();
        assertThat(compileAnyForm("Members", "HerokuClient client() { return HerokuClient.create(); }", out)).isNull();
        assertThat(compileAnyForm("Bad", "App app = heroku.app().appInfo(\"my-app\").block();", out))
                .contains("block");
    }

    // --- the README's jobs, run on both clients as its table shows them ---

    private static final String APP = "{\"name\": \"x\", \"region\": {\"name\": \"eu\"}}";

    private final HerokuClient heroku = HerokuClient.builder().apiKey("test-key").baseUrl(api.baseUrl()).build();
    private final ReactiveHerokuClient reactive = heroku.reactive();

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void createAnApp() {
        api.stubFor(post(urlPathEqualTo("/apps")).willReturn(json(APP).withStatus(201)));

        App a = heroku.app().appCreate(new AppCreateOpts().name("x").region("eu"));
        Mono<App> b = reactive.app().appCreate(new AppCreateOpts().name("x").region("eu"));

        assertThat(a.getRegion().getName()).isEqualTo("eu");
        assertThat(b.block().getRegion().getName()).isEqualTo("eu");
        api.verify(2, postRequestedFor(urlPathEqualTo("/apps")).withRequestBody(equalToJson("{\"name\": \"x\", \"region\": \"eu\"}")));
    }

    @Test
    void setAndUnsetConfigVars() {
        api.stubFor(patch(urlPathEqualTo("/apps/x/config-vars")).willReturn(json("{\"A\": \"1\"}")));

        Map<String, String> after = heroku.configVar().configVarUpdate("x", ConfigVars.set("A", "1").andUnset("B"));
        Mono<Map<String, String>> later = reactive.configVar().configVarUpdate("x", ConfigVars.set("A", "1").andUnset("B"));

        assertThat(after).containsEntry("A", "1");
        assertThat(later.block()).containsEntry("A", "1");
        api.verify(2, patchRequestedFor(urlPathEqualTo("/apps/x/config-vars")).withRequestBody(equalToJson("{\"A\": \"1\", \"B\": null}")));
    }

    @Test
    void scale() {
        api.stubFor(patch(urlPathEqualTo("/apps/x/formation/web")).willReturn(json("{\"quantity\": 2}")));

        heroku.formation().formationUpdate("x", "web", new FormationUpdateOpts().quantity(2));
        Mono<Formation> f = reactive.formation().formationUpdate("x", "web", new FormationUpdateOpts().quantity(2));

        assertThat(f.block().getQuantity()).isEqualTo(2L);
        api.verify(2, patchRequestedFor(urlPathEqualTo("/apps/x/formation/web")).withRequestBody(equalToJson("{\"quantity\": 2}")));
    }

    @Test
    void everyApp() {
        api.stubFor(get(urlPathEqualTo("/apps")).willReturn(json("[{\"name\": \"b\"}, {\"name\": \"a\"}]")));

        List<App> all = heroku.app().appList().toList();
        Flux<App> flux = reactive.app().appList();
        List<String> limited;
        try (Stream<App> apps = heroku.app().appList(Range.by("name").withMax(1000)).stream()) {
            limited = apps.map(App::getName).limit(5).toList();
        }

        assertThat(all).extracting(App::getName).containsExactly("b", "a");
        assertThat(flux.map(App::getName).collectList().block()).containsExactly("b", "a");
        assertThat(limited).containsExactly("b", "a");
        api.verify(getRequestedFor(urlPathEqualTo("/apps")).withHeader("Range", equalTo("name ..; max=1000")));
    }

    @Test
    void theLatestRelease() {
        api.stubFor(get(urlPathEqualTo("/apps/x/releases")).withHeader("Range", equalTo("version ..; max=1, order=desc"))
                .willReturn(json("[{\"version\": 42}]").withStatus(206).withHeader("Next-Range", "version ]42..; max=1, order=desc")));

        Optional<Release> latest = heroku.release().releaseList("x", Range.latest("version", 1)).first();
        Mono<Release> next = reactive.release().releaseList("x", Range.latest("version", 1)).next();

        assertThat(latest).hasValueSatisfying(r -> assertThat(r.getVersion()).isEqualTo(42L));
        assertThat(next.block().getVersion()).isEqualTo(42L);
        api.verify(2, getRequestedFor(urlPathEqualTo("/apps/x/releases"))); // one request each, the next page never asked for
    }

    @Test
    void restartEveryDyno() {
        api.stubFor(delete(urlPathEqualTo("/apps/x/dynos")).willReturn(json("{}").withStatus(202)));

        heroku.dyno().dynoRestartAll("x");
        reactive.dyno().dynoRestartAll("x").block();

        api.verify(2, deleteRequestedFor(urlPathEqualTo("/apps/x/dynos")));
    }

    @Test
    void quotaLeft_andTheWholeResponse() {
        api.stubFor(get(urlPathEqualTo("/account")).willReturn(json("{\"email\": \"u@example.com\"}")
                .withHeader("RateLimit-Remaining", "4500").withHeader("Request-Id", "r-1")));
        api.stubFor(get(urlPathEqualTo("/apps/my-app")).willReturn(json(APP).withHeader("Request-Id", "r-2")));

        OptionalInt left = heroku.withResponse(h -> h.account().accountInfo()).rateLimitRemaining();
        Mono<OptionalInt> later = reactive.withResponse(h -> h.account().accountInfo()).map(HerokuResponse::rateLimitRemaining);
        HerokuResponse<App> response = heroku.withResponse(h -> h.app().appInfo("my-app"));

        assertThat(left).hasValue(4500);
        assertThat(later.block()).hasValue(4500);
        assertThat(response.requestId()).isEqualTo("r-2");
        assertThat(response.body().getName()).isEqualTo("x");
    }

    @Test
    void tailLogs() {
        api.stubFor(post(urlPathEqualTo("/apps/x/log-sessions")).willReturn(json(
                "{\"logplex_url\": \"" + api.baseUrl() + "/streams/abc\"}").withStatus(201)));
        api.stubFor(get(urlPathEqualTo("/streams/abc")).willReturn(aResponse().withBody("line one\nline two\n")));

        LogSession session = heroku.logSession().logSessionCreate("x", new LogSessionCreateOpts().tail(true).lines(10));
        List<String> read;
        try (Stream<String> lines = heroku.lines(session.getLogplexUrl())) {
            read = lines.toList();
        }
        Flux<String> lines = reactive.lines(session.getLogplexUrl());

        assertThat(read).containsExactly("line one", "line two");
        assertThat(lines.collectList().block()).containsExactly("line one", "line two");
        api.verify(postRequestedFor(urlPathEqualTo("/apps/x/log-sessions")).withRequestBody(equalToJson("{\"tail\": true, \"lines\": 10}")));
        api.verify(2, getRequestedFor(urlPathEqualTo("/streams/abc")).withHeader("Authorization", absent()));
    }

    @Test
    void aMissingApp() {
        api.stubFor(get(urlPathEqualTo("/apps/no-such-app")).willReturn(json("{\"id\": \"not_found\", \"message\": \"Couldn't find that app.\"}")
                .withStatus(404).withHeader("Request-Id", "abc-123")));
        StringBuilder log = new StringBuilder();

        try {
            heroku.app().appInfo("no-such-app");
        } catch (HerokuNotFoundException e) {
            log.append(e.id()).append(": ").append(e.herokuMessage()).append(" (Request-Id ").append(e.requestId()).append(')');
        }
        App none = reactive.app().appInfo("no-such-app").onErrorResume(HerokuNotFoundException.class, e -> Mono.empty()).block();

        assertThat(log).hasToString("not_found: Couldn't find that app. (Request-Id abc-123)");
        assertThat(none).isNull();
    }

    @Test
    void twoFactor() {
        api.stubFor(any(urlPathEqualTo("/apps/x")).willReturn(json(APP)));

        heroku.withTwoFactorCode("123456").app().appDelete("x");

        api.verify(deleteRequestedFor(urlPathEqualTo("/apps/x")).withHeader("Heroku-Two-Factor-Code", equalTo("123456")));
    }

    /** The migration table's replacement for {@code buildFromTarball}: a source, an upload, a build. */
    @Test
    void buildFromATarball(@TempDir Path dir) throws IOException {
        Path tarball = Files.write(dir.resolve("app.tgz"), new byte[] {1, 2, 3});
        api.stubFor(post(urlPathEqualTo("/sources")).willReturn(json("{\"source_blob\": {\"get_url\": \"" + api.baseUrl()
                + "/blob?sig=get\", \"put_url\": \"" + api.baseUrl() + "/blob?sig=put\"}}").withStatus(201)));
        api.stubFor(put(urlPathEqualTo("/blob")).willReturn(aResponse().withStatus(200)));
        api.stubFor(post(urlPathEqualTo("/apps/x/builds")).willReturn(json(
                "{\"id\": \"01234567-89ab-cdef-0123-456789abcdef\", \"status\": \"pending\"}").withStatus(201)));

        Source source = heroku.source().sourceCreate();
        heroku.upload(source.getSourceBlob().getPutUrl(), tarball);
        Build build = heroku.build().buildCreate("x", new BuildCreateOpts()
                .sourceBlob(new BuildSourceBlob().url(source.getSourceBlob().getGetUrl()).version("v1")));

        assertThat(build.getStatus()).isEqualTo(Build.StatusEnum.PENDING);
        api.verify(putRequestedFor(urlPathEqualTo("/blob")).withQueryParam("sig", equalTo("put"))
                .withHeader("Authorization", absent()).withRequestBody(binaryEqualTo(new byte[] {1, 2, 3})));
        api.verify(postRequestedFor(urlPathEqualTo("/apps/x/builds")).withRequestBody(equalToJson(
                "{\"source_blob\": {\"url\": \"" + api.baseUrl() + "/blob?sig=get\", \"version\": \"v1\"}}")));
    }
}
