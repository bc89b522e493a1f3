package dev.heroku4j.bench.startup;

import java.lang.management.ManagementFactory;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.api.HerokuApis;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.invoker.ApiClient;
import dev.heroku4j.client.streaming.LineStreams;
import dev.heroku4j.client.streaming.SourceUploader;
import dev.heroku4j.client.webclient.HerokuApiClient;
import dev.heroku4j.client.webclient.HerokuClientOptions;
import dev.heroku4j.client.webclient.HerokuWebClientConfigurer;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Figure 4b (diagnosis): where a cold {@code HerokuClient} spends its construction and first call, step by step in
 * the order {@code HerokuClient.Builder.build()} does them, in a fresh JVM (each step pays the class loading it
 * triggers first). Modes: {@code heroku4j} (steps, then the first call), {@code floor} (the floor's construction
 * and first call, for comparison). Prints {@code RESULT step=millis ... classes=N}.
 */
public final class ClientStartBreakdown {

    public static void main(String[] args) {
        String url = Clients.baseUrl();
        StringBuilder out = new StringBuilder("RESULT");
        long t = System.nanoTime();
        if (args[0].equals("floor")) {
            Floor floor = Clients.floor(url);
            t = step(out, "construct", t);
            floor.appInfo("example").block();
            step(out, "firstCall", t);
        } else {
            HerokuClientOptions options = HerokuClientOptions.builder().apiKey(Clients.API_KEY).baseUrl(url)
                    .timeouts(HttpTimeouts.DEFAULTS).build();
            t = step(out, "options", t);
            HerokuWebClientConfigurer configurer = new HerokuWebClientConfigurer(options);
            WebClient webClient = configurer.configure(WebClient.builder()).build();
            t = step(out, "webClient", t);
            ApiClient apiClient = new HerokuApiClient(webClient, options.baseUrl());
            t = step(out, "apiClient", t);
            HerokuApis apis = new HerokuApis(() -> apiClient) {
            };
            t = step(out, "herokuApis", t);
            new LineStreams(HttpTimeouts.DEFAULTS);
            new SourceUploader(HttpTimeouts.DEFAULTS);
            t = step(out, "streamingAndUpload", t);
            apis.app().appInfo("example").block();
            t = step(out, "firstCall", t);
            HerokuClient heroku = Clients.heroku4j(url).prepare();
            t = step(out, "secondClient", t);
            heroku.app().appInfo("example").block();
            step(out, "secondClientFirstCall", t);
        }
        out.append(" classes=").append(ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.println(out);
        System.exit(0);
    }

    private static long step(StringBuilder out, String name, long since) {
        long now = System.nanoTime();
        out.append(' ').append(name).append('=').append(String.format(java.util.Locale.ROOT, "%.1f", (now - since) / 1e6));
        return System.nanoTime();
    }
}
