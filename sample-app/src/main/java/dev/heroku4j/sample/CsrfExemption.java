package dev.heroku4j.sample;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One endpoint that takes state-changing requests without a CSRF token because something else proves where they
 * come from (a signature). The starter's Heroku webhook endpoint needs none: it exempts POST on its own path in every chain.
 * Declare it as a bean beside that endpoint; {@link SampleSecurity} exempts exactly that method and path, nothing under it and nothing else.
 */
public record CsrfExemption(HttpMethod method, String path, String why) {

    public CsrfExemption {
        if (!path.startsWith("/") || path.contains("*") || path.contains("{")) {
            throw new IllegalArgumentException("A CSRF exemption names one literal path such as /webhooks/heroku, not '"
                    + path + "'");
        }
    }

    RequestMatcher matcher() {
        return PathPatternRequestMatcher.withDefaults().matcher(method, path);
    }

}
