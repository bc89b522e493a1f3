package dev.heroku4j.bench.mvc;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Figure 6, "WebClient floor": {@link MvcApp} with Boot's WebClient modules and no heroku4j, started with
 * {@code --bench.url=.. --bench.key=..}. After start, times a first {@code GET /apps/example} written by hand on Boot's
 * {@code WebClient.Builder} (JDK HttpClient connector, Boot's Jackson codecs), as in {@code MvcStarterApp}, and prints
 * {@code RESULT runMillis uptimeAtReadyMillis firstCallMillis classesAtReady}.
 */
public final class MvcWebClientApp {

    /** The fields the first call reads, decoded by Boot's Jackson codec. */
    record App(String id, String name) {
    }

    private MvcWebClientApp() {
    }

    public static void main(String[] args) {
        MvcApp.Started app = MvcApp.start(args);
        double firstCall = app.timeFirstCall(context -> {
            var env = context.getEnvironment();
            WebClient client = context.getBean(WebClient.Builder.class).baseUrl(env.getRequiredProperty("bench.url")).build();
            App found = client.get().uri("/apps/{name}", "example")
                    .header(HttpHeaders.ACCEPT, "application/vnd.heroku+json; version=3")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + env.getRequiredProperty("bench.key"))
                    .retrieve().bodyToMono(App.class).block();
            if (found == null || !"example".equals(found.name())) {
                throw new IllegalStateException(String.valueOf(found));
            }
        });
        app.report(firstCall);
    }
}
