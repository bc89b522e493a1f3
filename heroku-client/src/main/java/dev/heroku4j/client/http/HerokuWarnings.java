package dev.heroku4j.client.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * Logs Heroku's {@code Warning-Message} and {@code X-Heroku-Warning} response headers (deprecations, sunset notices)
 * at WARN, once per distinct text. The set of texts already logged is bounded ({@value #MAX_REMEMBERED}, least
 * recently seen dropped first), so a flood of distinct warnings cannot grow memory; a dropped text is logged again
 * if it comes back. The engine shows it every response ({@code internal.HerokuExchangeFilter}).
 */
public final class HerokuWarnings {

    static final int MAX_REMEMBERED = 256;
    private static final Logger log = LoggerFactory.getLogger(HerokuWarnings.class);

    private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });

    /** Logs the warnings of the response to {@code request} that were not logged before. */
    public void log(ClientRequest request, HttpHeaders responseHeaders) {
        warn(request, responseHeaders, HerokuHeaders.WARNING_MESSAGE);
        warn(request, responseHeaders, HerokuHeaders.X_HEROKU_WARNING);
    }

    private void warn(ClientRequest request, HttpHeaders headers, String name) {
        @Nullable List<String> values = headers.containsHeader(name) ? headers.get(name) : null; // most have none
        if (values == null) {
            return;
        }
        for (String value : values) {
            String text = value.strip();
            if (!text.isEmpty() && seen.put(text, Boolean.TRUE) == null) {
                log.warn("Heroku warning ({}): {}", RequestInfo.describe(request), text);
            }
        }
    }
}
