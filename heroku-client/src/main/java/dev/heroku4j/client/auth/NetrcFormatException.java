package dev.heroku4j.client.auth;

import java.nio.file.Path;

/**
 * A netrc file could not be parsed. The message names the file and the line; it never quotes tokens that could be
 * a password.
 */
public class NetrcFormatException extends IllegalArgumentException {

    private final Path file;
    private final int line;

    public NetrcFormatException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
