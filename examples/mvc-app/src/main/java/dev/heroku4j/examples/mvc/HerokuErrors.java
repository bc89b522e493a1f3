package dev.heroku4j.examples.mvc;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuInvalidParamsException;
import dev.heroku4j.client.error.HerokuNotFoundException;
import dev.heroku4j.examples.mvc.Bodies.HerokuError;

/**
 * 12. Heroku's 404 and 422 passed on to the caller with Heroku's {@code id} and {@code message}: they are the
 * caller's doing (an unknown app, a name already taken). Anything else stays a 500: it is this service's problem.
 */
@RestControllerAdvice
class HerokuErrors {

    @ExceptionHandler(HerokuNotFoundException.class)
    ResponseEntity<HerokuError> notFound(HerokuNotFoundException ex) {
        return answer(HttpStatus.NOT_FOUND, ex);
    }

    @ExceptionHandler(HerokuInvalidParamsException.class)
    ResponseEntity<HerokuError> invalidParams(HerokuInvalidParamsException ex) {
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, ex);
    }

    /** The content type is set, so a caller that asked for another one still gets the error as JSON. */
    private static ResponseEntity<HerokuError> answer(HttpStatus status, HerokuApiException ex) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(new HerokuError(status.value(), ex.id(), ex.herokuMessage(), ex.requestId()));
    }

}
