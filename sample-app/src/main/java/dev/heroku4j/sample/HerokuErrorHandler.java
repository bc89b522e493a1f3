package dev.heroku4j.sample;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuConflictException;
import dev.heroku4j.client.error.HerokuForbiddenException;
import dev.heroku4j.client.error.HerokuInvalidParamsException;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.client.error.HerokuRateLimitException;
import dev.heroku4j.client.error.HerokuTimeoutException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.error.HerokuUnauthorizedException;

/**
 * Turns errors into RFC 9457 problem details ({@code application/problem+json}), Spring's own web errors included
 * (through {@link ResponseEntityExceptionHandler}):
 *
 * <pre>{@code
 * {"title": "Not Found", "status": 404, "detail": "Couldn't find that app.", "instance": "/apps/nope",
 *  "herokuId": "not_found", "herokuRequestId": "…"}
 * }</pre>
 *
 * The content type is set explicitly, so a client that asked for {@code text/event-stream} (the log tail) gets the
 * problem as JSON too.
 *
 * Heroku's not found, conflict and invalid parameters are the caller's doing and keep their status. Rejected
 * credentials are this service's problem, not the caller's: 502. A rate limit is 503 with {@code Retry-After}, and
 * so is a log tail refused because {@link LogTails} has all its readers busy.
 */
@RestControllerAdvice
class HerokuErrorHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HerokuErrorHandler.class);

    @ExceptionHandler(HerokuApiException.class)
    ResponseEntity<ProblemDetail> herokuError(HerokuApiException ex) {
        HttpStatus status = statusFor(ex);
        if (status.is5xxServerError()) {
            log.warn("Heroku answered {} ({}): {}", ex.status(), ex.id(), ex.herokuMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailFor(ex));
        if (ex.id() != null) {
            problem.setProperty("herokuId", ex.id());
        }
        if (ex.requestId() != null) {
            problem.setProperty("herokuRequestId", ex.requestId());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Duration retryAfter = ex.retryAfter();
        if (ex instanceof HerokuRateLimitException && retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return response.body(problem);
    }

    @ExceptionHandler(HerokuTransportException.class)
    ResponseEntity<ProblemDetail> herokuUnreachable(HerokuTransportException ex) {
        log.warn("Heroku API unreachable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The Heroku API did not answer."));
    }

    @ExceptionHandler(HerokuTimeoutException.class)
    ResponseEntity<ProblemDetail> herokuTooSlow(HerokuTimeoutException ex) {
        log.warn("Heroku API too slow: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                    "The Heroku API did not answer within " + ex.callTimeout() + "."));
    }

    @ExceptionHandler(LogTails.TooManyTailsException.class)
    ResponseEntity<ProblemDetail> tooManyTails(LogTails.TooManyTailsException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header(HttpHeaders.RETRY_AFTER, "10")
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
    }

    /** Our own checks of the request, and the client's refusal of unsafe identities such as {@code ..}. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
        return ResponseEntity.badRequest()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage())));
    }

    private static HttpStatus statusFor(HerokuApiException ex) {
        if (ex instanceof HerokuNotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (ex instanceof HerokuInvalidParamsException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (ex instanceof HerokuConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (ex instanceof HerokuRateLimitException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_GATEWAY; // 401/403 (this service's key), 5xx and anything unexpected
    }

    private static String detailFor(HerokuApiException ex) {
        if (ex instanceof HerokuUnauthorizedException || ex instanceof HerokuForbiddenException) {
            return "Heroku refused this service's credentials: " + ex.herokuMessage();
        }
        if (ex instanceof HerokuRateLimitException) {
            return "Heroku's rate limit is used up; try again later.";
        }
        return ex.herokuMessage() != null ? ex.herokuMessage() : "Heroku answered " + ex.status();
    }

}
