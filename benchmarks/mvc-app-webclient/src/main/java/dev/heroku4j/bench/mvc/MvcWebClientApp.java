package dev.heroku4j.bench.mvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figure 6's two floors: {@link MvcApp} with Boot's WebClient modules and no heroku4j, started with
 * {@code --bench.url=.. --bench.key=..}. After start, times a first {@code GET /apps/example} written by hand, as in
 * {@code MvcStarterApp}, and prints {@code RESULT runMillis uptimeAtReadyMillis firstCallMillis classesAtReady}:
 * on Boot's {@code WebClient.Builder} (JDK HttpClient connector, Boot's Jackson codecs), or with
 * {@code --bench.client=jdk} on the JDK's own {@code HttpClient} alone, decoded by Boot's {@code JsonMapper}: what
 * the connector itself needs for a first call, without anything of Spring's WebClient.
 */
public final class MvcWebClientApp {

    private static final String ACCEPT = "application/vnd.heroku+json; version=3";

    /** The fields the first call reads. */
    record App(String id, String name) {
    }

    private MvcWebClientApp() {
    }

    public static void main(String[] args) {
        MvcApp.Started app = MvcApp.start(args);
        double firstCall = app.timeFirstCall(context -> {
            Environment env = context.getEnvironment();
            String url = env.getRequiredProperty("bench.url");
            String key = env.getRequiredProperty("bench.key");
            App found = "jdk".equals(env.getProperty("bench.client"))
                    ? byHttpClient(url, key, context.getBean(JsonMapper.class))
                    : byWebClient(url, key, context.getBean(WebClient.Builder.class));
            if (found == null || !"example".equals(found.name())) {
                throw new IllegalStateException(String.valueOf(found));
            }
        });
        app.report(firstCall);
    }

    private static App byWebClient(String url, String key, WebClient.Builder builder) {
        return builder.baseUrl(url).build().get().uri("/apps/{name}", "example")
                .header(HttpHeaders.ACCEPT, ACCEPT)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .retrieve().bodyToMono(App.class).block();
    }

    private static App byHttpClient(String url, String key, JsonMapper mapper) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/apps/example"))
                .header(HttpHeaders.ACCEPT, ACCEPT)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /apps/example: " + response.statusCode());
            }
            return mapper.readValue(response.body(), App.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
