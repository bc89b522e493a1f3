package dev.heroku4j.autoconfigure.webhooks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The webhook endpoint in an application with Spring Security. Spring Security 7 applies every
 * {@code Customizer<HttpSecurity>} (or {@code Customizer<ServerHttpSecurity>}) bean to each filter chain it builds,
 * the application's own and Boot's default alike, before the application's configuration. This one does two things
 * in every chain:
 * <ul>
 * <li>exempts POST on the endpoint's path, and nothing else, from CSRF protection (Heroku cannot send a token);</li>
 * <li>places the endpoint just before authorization: every filter ahead of it (the firewall, security headers,
 * CORS, the application's own filters there) still applies, but no login is asked of Heroku, whose deliveries are
 * authenticated by their signature.</li>
 * </ul>
 * Without Spring Security, or for a path no chain covers, the endpoint registered by
 * {@link HerokuWebhooksAutoConfiguration} (ordered after Spring Security's filter) answers instead.
 * To opt out, declare a bean of the same name.
 */
final class WebhookSecurityConfiguration {

    private WebhookSecurityConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ HttpSecurity.class, AuthorizationFilter.class })
    static class Servlet {

        @Bean
        @ConditionalOnMissingBean(name = "herokuWebhookHttpSecurityCustomizer")
        Customizer<HttpSecurity> herokuWebhookHttpSecurityCustomizer(HerokuWebhookProperties properties,
                HerokuWebhookReceiver receiver) {
            String path = properties.getPath();
            return http -> http
                    .csrf(csrf -> csrf.ignoringRequestMatchers(
                            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path)))
                    .addFilterBefore(new HerokuWebhookServletFilter(path, receiver), AuthorizationFilter.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(ServerHttpSecurity.class)
    static class Reactive {

        /**
         * WebFlux's CSRF spec has no list of exemptions, only the one matcher of requests to protect; this narrows
         * Spring Security's default matcher by the endpoint. A chain that sets its own matcher replaces this one and
         * must leave the endpoint out itself (see the README's Spring Security note).
         */
        @Bean
        @ConditionalOnMissingBean(name = "herokuWebhookServerHttpSecurityCustomizer")
        Customizer<ServerHttpSecurity> herokuWebhookServerHttpSecurityCustomizer(HerokuWebhookProperties properties,
                HerokuWebhookReceiver receiver) {
            String path = properties.getPath();
            return http -> http
                    .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                            CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(
                                    ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, path)))))
                    .addFilterBefore(new HerokuWebhookWebFilter(path, receiver), SecurityWebFiltersOrder.AUTHORIZATION);
        }
    }
}
