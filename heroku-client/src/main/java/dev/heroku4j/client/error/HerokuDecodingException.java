package dev.heroku4j.client.error;

/**
 * Heroku answered with a success status, but the body could not be read into the expected type (it was not JSON,
 * or its shape did not fit). The call may have had its effect: look before repeating a create.
 */
public class HerokuDecodingException extends HerokuException {

    private final String method;
    private final String pathTemplate;

    public HerokuDecodingException(String method, String pathTemplate, Throwable cause) {
        super(method + " " + pathTemplate + " answered with a body that could not be read: " + cause.getMessage(), cause);
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }
}
