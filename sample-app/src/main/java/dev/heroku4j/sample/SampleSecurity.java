package dev.heroku4j.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what. Always: a CSRF token on every state-changing request (POST, PATCH, ...), read from the
 * {@code X-XSRF-TOKEN} header only and checked against the {@code XSRF-TOKEN} cookie ({@code GET /csrf} gives both);
 * Spring Security's default headers ({@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 * no caching) and a content security policy with {@code frame-ancestors 'none'}.
 *
 * <p>On loopback ({@link PlatformBinding}'s default without {@code PORT}) there is no login, and requests must name
 * a loopback host, so a page that rebinds its own host name to 127.0.0.1 is refused. On any other address a login is
 * required: HTTP Basic with the user configured in {@code spring.security.user.name} (default {@code user}) and
 * {@code spring.security.user.password}; without a password start-up fails. Not a generated password: it would change
 * at every dyno restart, differ between dynos and sit in the log.
 *
 * <p>Why the header only: cookies ignore ports, so a page on another localhost port can plant its own
 * {@code XSRF-TOKEN} cookie; it can send a matching {@code _csrf} form field, but not a custom header to another
 * origin. Why a cookie and not the session: several dynos share no session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not in the tests without a server
class SampleSecurity {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** Boot's convention: a password that names its encoding ({@code {bcrypt}...}) is taken as it is. */
    private static final Pattern ENCODED_PASSWORD = Pattern.compile("^\\{.+}.*$");

    @Bean
    SecurityFilterChain sampleSecurityFilterChain(HttpSecurity http, Environment environment,
            ObjectProvider<CsrfExemption> exemptions, JsonMapper json) {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.csrf(csrf -> csrf.csrfTokenRepository(tokens)
            .csrfTokenRequestHandler(new HeaderOnly())
            .ignoringRequestMatchers(exemptions.orderedStream().map(CsrfExemption::matcher).toArray(RequestMatcher[]::new)))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
            .exceptionHandling(errors -> errors.accessDeniedHandler(problem(json)));
        if (loginRequired(environment)) {
            http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("heroku4j sample"));
        }
        else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        }
        return http.build();
    }

    /** On loopback, only loopback host names: defeats DNS rebinding, which CSRF tokens do not. */
    @Bean
    WebSecurityCustomizer loopbackHostsOnly(Environment environment) {
        return web -> {
            if (!loginRequired(environment)) {
                StrictHttpFirewall firewall = new StrictHttpFirewall();
                firewall.setAllowedHostnames(LOOPBACK_HOSTS::contains);
                web.httpFirewall(firewall);
            }
        };
    }

    /** The login's one user; none on loopback, where there is no login (and so no generated password either). */
    @Bean
    UserDetailsService sampleUsers(Environment environment) {
        if (!loginRequired(environment)) {
            return new InMemoryUserDetailsManager();
        }
        String password = environment.getProperty("spring.security.user.password");
        if (password == null || password.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("spring.security.user.password", password,
                    "The sample listens on " + environment.getProperty("server.address", "all interfaces")
                            + " (PORT is set, or server.address is not loopback) and then requires a login. Set "
                            + "SPRING_SECURITY_USER_PASSWORD (and SPRING_SECURITY_USER_NAME, default 'user'), e.g. "
                            + "heroku config:set SPRING_SECURITY_USER_PASSWORD=...");
        }
        String name = environment.getProperty("spring.security.user.name", "user");
        String stored = ENCODED_PASSWORD.matcher(password).matches() ? password : "{noop}" + password;
        return new InMemoryUserDetailsManager(User.withUsername(name).password(stored).roles("USER").build());
    }

    /** Any address but loopback (and no address, which is every interface) needs a login. */
    static boolean loginRequired(Environment environment) {
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank()) {
            return true;
        }
        try {
            return !InetAddress.getByName(address.strip()).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return true; // Tomcat will refuse it anyway
        }
    }

    /** A refused CSRF token as a problem detail that says what to send. */
    private static AccessDeniedHandler problem(JsonMapper json) {
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
            String detail = (ex instanceof CsrfException)
                    ? "Missing or wrong CSRF token: send the token of GET /csrf in the " + CSRF_HEADER
                            + " header, with the XSRF-TOKEN cookie that came with it"
                    : "Access denied";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", HttpStatus.FORBIDDEN.getReasonPhrase());
            body.put("status", HttpStatus.FORBIDDEN.value());
            body.put("detail", detail);
            body.put("instance", request.getRequestURI());
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            writeBody(response, json.writeValueAsString(body));
        };
    }

    private static void writeBody(HttpServletResponse response, String body) throws IOException {
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8)); // as bytes: no charset parameter
    }

    /** Exposes the token as Spring's plain handler does, but takes it from the header only, never a form field. */
    static final class HeaderOnly implements CsrfTokenRequestHandler {

        private final CsrfTokenRequestAttributeHandler delegate = new CsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                Supplier<CsrfToken> token) {
            delegate.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            return request.getHeader(token.getHeaderName());
        }

    }

}
