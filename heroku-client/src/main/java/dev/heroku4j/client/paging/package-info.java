/**
 * Heroku's {@code Range}/{@code Next-Range} paging: one page, or a lazy stream across all pages.
 */
@NullMarked
package dev.heroku4j.client.paging;

import org.jspecify.annotations.NullMarked;
