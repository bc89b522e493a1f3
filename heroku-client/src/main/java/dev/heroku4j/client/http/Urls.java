package dev.heroku4j.client.http;

import java.net.URI;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * URLs as they may be shown: in {@code toString()}, exception messages, logs and health details. The user info of a
 * URL ({@code http://user:password@host}) can be a credential, so it is replaced by {@code ***}; the rest stays, so
 * the reader still sees which host was meant.
 */
public final class Urls {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#@]*@");

    private Urls() {
    }

    /** {@code url} with any user info replaced by {@code ***}. */
    public static String withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : withoutUserInfo(url.toString());
    }

    /** The same for text that may not even parse as a URL (what was configured, say). */
    public static String withoutUserInfo(@Nullable String url) {
        if (url == null) {
            return "null";
        }
        return url.indexOf('@') < 0 ? url : USER_INFO.matcher(url).replaceFirst("***@");
    }
}
