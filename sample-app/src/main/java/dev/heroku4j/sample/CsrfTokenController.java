package dev.heroku4j.sample;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /csrf}: the token a state-changing request sends in {@code X-XSRF-TOKEN}, and the {@code XSRF-TOKEN}
 * cookie it is checked against ({@link SampleSecurity}). Another origin cannot read this answer, so it cannot send
 * the header.
 */
@RestController
class CsrfTokenController {

    @GetMapping(path = "/csrf", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

}
