package dev.heroku4j.bench.jmh;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * For figures 1b and 1c: a {@link WebClient.Builder} to hand to {@code HerokuClientBuilder.webClientBuilder(..)} so
 * that the real engine (the generated API, {@code HerokuTransport}, its connector and codecs) is measured with some
 * of its filters left out, without editing heroku-client: the filters it installs are private to
 * {@code internal.WebClients}, and the engine starts from the builder it is given. At {@code build()} this builder
 * removes the filters whose simple class names are in {@code without} (a name that matches none is an error, so a
 * renamed filter cannot turn a variant into a copy of "none") and remembers the WebClient it built. A JDK proxy, so
 * every other builder method is Spring's own; it is used only while the engine is built, never per call. (The
 * engine's stream WebClient would pass through it too, but it is built only for log streams and uploads, which these
 * benchmarks never make.)
 */
public final class TrimmedWebClientBuilder implements java.lang.reflect.InvocationHandler {

    /** Every filter, whatever its name. */
    public static final Set<String> ALL = Set.of("*");

    private final WebClient.Builder delegate;
    private final Set<String> without;
    private final AtomicReference<WebClient> built;
    private WebClient.Builder self;

    private TrimmedWebClientBuilder(WebClient.Builder delegate, Set<String> without, AtomicReference<WebClient> built) {
        this.delegate = delegate;
        this.without = without;
        this.built = built;
    }

    /** {@code start} with the named filters left out of whatever the engine adds to it. */
    public static WebClient.Builder of(WebClient.Builder start, Set<String> without, AtomicReference<WebClient> built) {
        TrimmedWebClientBuilder handler = new TrimmedWebClientBuilder(start, without, built);
        handler.self = (WebClient.Builder) Proxy.newProxyInstance(WebClient.Builder.class.getClassLoader(),
                new Class<?>[]{WebClient.Builder.class}, handler);
        return handler.self;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "clone" -> {
                return of(delegate.clone(), without, built); // the engine clones what it is given
            }
            case "build" -> {
                delegate.filters(this::trim);
                WebClient client = delegate.build();
                built.set(client);
                return client;
            }
            default -> {
                Object result;
                try {
                    result = method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                return result == delegate ? self : result;
            }
        }
    }

    private void trim(List<ExchangeFilterFunction> filters) {
        if (without.isEmpty()) {
            return;
        }
        if (without.equals(ALL)) {
            filters.clear();
            return;
        }
        List<String> present = filters.stream().map(f -> f.getClass().getSimpleName()).toList();
        List<String> missing = without.stream().filter(name -> !present.contains(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the engine installs no " + missing + " (it has " + present
                    + "); its filters changed, update the benchmark");
        }
        filters.removeIf(f -> without.contains(f.getClass().getSimpleName()));
    }
}
