package dev.heroku4j.bench.mvc;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.http.HttpConnectors;

/**
 * Figure 6, "with starter": {@link MvcApp} with heroku-spring-boot-starter on the classpath, started with
 * {@code --heroku.api-key=.. --heroku.base-url=..}. After start (and {@code -Dbench.firstCallPauseMillis}, default 0),
 * times the first {@code appInfo("example")} of the starter's {@code HerokuClient} (from asking the context for it) and prints
 * {@code RESULT runMillis uptimeAtReadyMillis firstCallMillis classesAtReady} (the connector on stderr).
 */
public final class MvcStarterApp {

    private MvcStarterApp() {
    }

    public static void main(String[] args) {
        MvcApp.Started app = MvcApp.start(args);
        double firstCall = app.timeFirstCall(context -> {
            String name = context.getBean(HerokuClient.class).app().appInfo("example").getName();
            if (!"example".equals(name)) {
                throw new IllegalStateException(name);
            }
        });
        if (HttpConnectors.reactorNettyPresent()) {
            throw new IllegalStateException("Reactor Netty is on this Spring MVC application's classpath");
        }
        System.err.println("connector " + app.context().getBean(HerokuClient.class).config().connector().get().getClass()
                .getSimpleName() + ", ready after " + app.runMillis() + " ms");
        app.report(firstCall);
    }
}
