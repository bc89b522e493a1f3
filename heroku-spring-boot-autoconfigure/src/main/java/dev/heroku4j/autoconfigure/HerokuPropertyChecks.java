package dev.heroku4j.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;

import dev.heroku4j.client.HerokuClientBuilder;
import dev.heroku4j.client.http.HttpTimeouts;
import dev.heroku4j.client.http.Urls;
import dev.heroku4j.client.ratelimit.ThrottlePolicy;

/**
 * Checks the {@code heroku.*} properties while the client bean is made, so that a bad value stops start-up with
 * {@link InvalidHerokuPropertyException} (explained by {@link HerokuPropertyFailureAnalyzer}) rather than a long
 * trace, or, worse, a client that fails at every call.
 */
final class HerokuPropertyChecks {

    static final String REMOVED_ACCEPT_VARIANT = "heroku.accept-variant";

    private static final String DURATION = "a positive duration, e.g. 10s or 500ms";

    private HerokuPropertyChecks() {
    }

    static void check(HerokuProperties properties, Environment environment) {
        try {
            checkValues(properties, environment);
        }
        catch (InvalidHerokuPropertyException ex) {
            throw asWritten(ex, environment);
        }
    }

    /**
     * The failure with the value as the application wrote it ({@code 11m}, not the bound {@code PT11M}) when the
     * environment has it as text; as bound otherwise.
     */
    private static InvalidHerokuPropertyException asWritten(InvalidHerokuPropertyException ex, Environment environment) {
        String written;
        try {
            written = environment.getProperty(ex.property());
        }
        catch (IllegalArgumentException unresolvable) {
            return ex;
        }
        if (written == null) {
            return ex;
        }
        String shown = Urls.withoutUserInfo(written);
        return shown.equals(ex.value()) ? ex
                : new InvalidHerokuPropertyException(ex.property(), shown, ex.problem(), ex.action(), ex.getCause());
    }

    private static void checkValues(HerokuProperties properties, Environment environment) {
        removedAcceptVariant(environment);
        baseUrl(properties.getBaseUrl());
        positive("heroku.connect-timeout", properties.getConnectTimeout());
        if (properties.getConnectTimeout().compareTo(HttpTimeouts.MAX_CONNECT) > 0) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.connect-timeout", properties.getConnectTimeout(),
                    "it is too long", "a positive duration under 24 days, e.g. 10s", null);
        }
        String userAgent = properties.getUserAgent();
        if (userAgent != null && userAgent.isBlank()) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.user-agent", userAgent, "it is blank",
                    "a product token such as my-app/1.0, or leave it unset for heroku4j/<version>", null);
        }
        positive("heroku.response-timeout", properties.getResponseTimeout());
        positive("heroku.call-timeout", properties.getCallTimeout());
        positive("heroku.health.timeout", properties.getHealth().getTimeout());
        if (properties.getRetry().getMaxRetries() < 0) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.retry.max-retries", properties.getRetry().getMaxRetries(),
                    "it is negative", "0 (no retries) or more", null);
        }
        notNegative("heroku.retry.max-total-wait", properties.getRetry().getMaxTotalWait());
        int threshold = properties.getRateLimit().getThreshold();
        if (threshold < 1 || threshold > ThrottlePolicy.QUOTA) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.rate-limit.threshold", threshold,
                    "it is outside Heroku's quota", "a number of requests from 1 to " + ThrottlePolicy.QUOTA, null);
        }
        Duration maxInterval = properties.getRateLimit().getMaxInterval();
        notNegative("heroku.rate-limit.max-interval", maxInterval);
        if (maxInterval.compareTo(ThrottlePolicy.MAX_INTERVAL) > 0) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.rate-limit.max-interval", maxInterval,
                    "it is longer than the throttle allows",
                    "a duration from 0 to " + ThrottlePolicy.MAX_INTERVAL.toMinutes() + "m", null);
        }
        HerokuProperties.Shared shared = properties.getRateLimit().getShared();
        int margin = shared.getMargin();
        if (margin < 0 || margin >= ThrottlePolicy.QUOTA) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.rate-limit.shared.margin", margin,
                    "it is outside Heroku's quota", "a number of requests from 0 to " + (ThrottlePolicy.QUOTA - 1), null);
        }
        positive("heroku.rate-limit.shared.store-timeout", shared.getStoreTimeout());
        notNegative("heroku.rate-limit.shared.retry-store-after", shared.getRetryStoreAfter());
    }

    /*
     * Removed: one Accept variant for every call broke the operations that exist only in the other variant. Each
     * generated operation now sends the variant its own schema needs (version=3, or version=3.sdk), so there is
     * nothing left to set. Refused rather than ignored, so that whoever set it learns that it no longer does anything.
     */
    private static void removedAcceptVariant(Environment environment) {
        String value = Binder.get(environment).bind(REMOVED_ACCEPT_VARIANT, String.class).orElse(null);
        if (value != null) {
            throw new InvalidHerokuPropertyException(REMOVED_ACCEPT_VARIANT, value,
                    "this property was removed: each operation now sends the Accept variant its own schema needs"
                            + " (version=3, or version=3.sdk for the operations only that variant has), so a single"
                            + " variant for every call would break the others",
                    "Remove " + REMOVED_ACCEPT_VARIANT + " (and HEROKU_ACCEPT_VARIANT) from the configuration.", null);
        }
    }

    private static void baseUrl(@Nullable String value) {
        String allowed = "an http or https URL with a host, without query or fragment, and without a path for"
                + " api.heroku.com (a path prefix is kept for another host, a gateway say), e.g. https://api.heroku.com"
                + " (the default) or http://127.0.0.1:5000 for the simulator";
        String problem = baseUrlProblem(value);
        if (problem != null) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.base-url", value, problem, allowed, null);
        }
    }

    static @Nullable String baseUrlProblem(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return "it is empty";
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException ex) {
            return "it is not a URL (" + ex.getReason() + " at index " + ex.getIndex() + ")";
        }
        if (uri.getScheme() == null) {
            return "it is not a URL (no scheme)";
        }
        if (!uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
            return "the scheme '" + uri.getScheme() + "' is not supported: the client speaks http and https only";
        }
        if (uri.getHost() == null) {
            return "it has no host";
        }
        if (HerokuClientBuilder.pathProblem(uri) != null) { // the client's rule, decided there on purpose
            return (uri.getRawQuery() != null || uri.getRawFragment() != null)
                    ? "it has a query or fragment, which would break every request URI"
                    : "it has a path, but Heroku's API at api.heroku.com has no path prefix: every call would answer"
                            + " 404, which reads like \"app not found\"";
        }
        return null;
    }

    private static void positive(String property, @Nullable Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw InvalidHerokuPropertyException.notAllowed(property, value, "it is not positive", DURATION, null);
        }
    }

    private static void notNegative(String property, @Nullable Duration value) {
        if (value == null || value.isNegative()) {
            throw InvalidHerokuPropertyException.notAllowed(property, value, "it is negative",
                    "zero or a positive duration, e.g. 2s", null);
        }
    }

    /** The bundle named by {@code heroku.ssl-bundle}, looked up now so that an unknown name stops start-up. */
    static @Nullable SslBundle sslBundle(@Nullable String name, @Nullable SslBundles bundles) {
        if (name == null) {
            return null;
        }
        List<String> known = (bundles != null) ? bundles.getBundleNames() : List.of();
        try {
            if (bundles == null) {
                throw new NoSuchSslBundleException(name, "no SslBundles bean");
            }
            return bundles.getBundle(name);
        }
        catch (NoSuchSslBundleException ex) {
            throw InvalidHerokuPropertyException.notAllowed("heroku.ssl-bundle", name,
                    "no SSL bundle of that name is configured",
                    "the name of a bundle configured under spring.ssl.bundle.jks.<name> or spring.ssl.bundle.pem.<name>"
                            + " (configured: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")",
                    ex);
        }
    }

}
