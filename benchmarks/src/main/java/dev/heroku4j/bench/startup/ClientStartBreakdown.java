package dev.heroku4j.bench.startup;

import java.lang.management.ManagementFactory;

import dev.heroku4j.bench.Clients;
import dev.heroku4j.bench.Floor;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.HerokuConfig;
import dev.heroku4j.client.ReactiveHerokuClient;

/**
 * Figure 4b (diagnosis): where a cold {@code HerokuClient} spends its construction and first call, step by step in
 * the order {@code HerokuClient.builder()...build()} and the first call take them, through public API only, in a
 * fresh JVM (each step pays the class loading it triggers first). Modes: {@code heroku4j} (steps, then the first
 * call), {@code floor} (the floor's construction and first call, for comparison). Prints
 * {@code RESULT step=millis ... classes=N}.
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
            HerokuConfig config = HerokuClient.builder().apiKey(Clients.API_KEY).baseUrl(url).config();
            t = step(out, "config", t);
            ReactiveHerokuClient reactive = ReactiveHerokuClient.create(config);
            t = step(out, "engine", t);
            HerokuClient heroku = reactive.blocking();
            t = step(out, "blockingView", t);
            heroku.prepare();
            t = step(out, "prepare", t);
            heroku.app().appInfo("example");
            t = step(out, "firstCall", t);
            HerokuClient second = Clients.blocking(url).prepare();
            t = step(out, "secondClient", t);
            second.app().appInfo("example");
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
