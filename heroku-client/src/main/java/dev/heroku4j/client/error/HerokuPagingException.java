package dev.heroku4j.client.error;

/**
 * A list's {@code Next-Range} led back to a page already fetched, or still pointed on after
 * {@code Paging.MAX_PAGES} pages: paging stopped instead of looping.
 */
public class HerokuPagingException extends HerokuException {

    public HerokuPagingException(String message) {
        super(message, null);
    }
}
