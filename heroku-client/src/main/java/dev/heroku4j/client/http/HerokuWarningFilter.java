package dev.heroku4j.client.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Logs Heroku's {@code Warning-Message} and {@code X-Heroku-Warning} response headers (deprecations, sunset notices)
 * at WARN, once per distinct text. The set of texts already logged is bounded ({@value #MAX_REMEMBERED}, least
 * recently seen dropped first), so a flood of distinct warnings cannot grow memory; a dropped text is logged again
 * if it comes back.
 */
public final class HerokuWarningFilter implements ExchangeFilterFunction {

    static final int MAX_REMEMBERED = 256;
    private static final Logger log = LoggerFactory.getLogger(HerokuWarningFilter.class);

    private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).doOnNext(response -> {
            warn(request, response.headers().header(HerokuHeaders.WARNING_MESSAGE));
            warn(request, response.headers().header(HerokuHeaders.X_HEROKU_WARNING));
        });
    }

    private void warn(ClientRequest request, List<String> values) {
        for (String value : values) {
            String text = value.strip();
            if (!text.isEmpty() && seen.put(text, Boolean.TRUE) == null) {
                log.warn("Heroku warning ({}): {}", RequestInfo.describe(request), text);
            }
        }
    }
}
