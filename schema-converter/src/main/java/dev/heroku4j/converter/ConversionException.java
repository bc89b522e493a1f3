package dev.heroku4j.converter;

/**
 * A problem with the input, located by file and JSON pointer, so the user can find and fix it.
 * The CLI prints {@link #getMessage()} as one line; no stack trace reaches the user.
 */
public final class ConversionException extends RuntimeException {

    private final String source;
    private final String pointer;

    public ConversionException(String source, String pointer, String problem) {
        super(source + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + problem);
        this.source = source;
        this.pointer = pointer;
    }

    public ConversionException(String source, String pointer, String problem, Throwable cause) {
        this(source, pointer, problem);
        initCause(cause);
    }

    /** The file (or resource) the problem is in. */
    public String source() {
        return source;
    }

    /** The JSON pointer of the offending node, empty when the whole file is at fault. */
    public String pointer() {
        return pointer;
    }
}
