package dev.heroku4j.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fixed, realistic Heroku Platform API bodies (the shape of {@code GET /apps/{id}} on api.heroku.com), written by hand.
 * Every contender gets byte-identical answers.
 */
public final class Fixtures {

    public static final String APP_NAME = "example";

    private Fixtures() {
    }

    /** One app; {@code n} makes id, name and dates differ between list items. */
    public static String app(int n) {
        String id = String.format(Locale.ROOT, "01234567-89ab-4cde-8f01-%012d", n);
        String name = n == 0 ? APP_NAME : String.format(Locale.ROOT, "example-%06d", n);
        int day = 1 + n % 28;
        return "{"
                + "\"acm\":false,"
                + "\"archived_at\":null,"
                + "\"buildpack_provided_description\":\"heroku/jvm\","
                + "\"build_stack\":{\"id\":\"ee582d3c-717d-4a57-ba5f-8b3a39f3a817\",\"name\":\"heroku-24\"},"
                + "\"created_at\":\"2024-03-" + two(day) + "T12:34:56Z\","
                + "\"generation\":{\"id\":\"4c3c6bd3-7b4b-4f0a-8c1e-2a7b9e5f0d11\",\"name\":\"cedar\"},"
                + "\"git_url\":\"https://git.heroku.com/" + name + ".git\","
                + "\"id\":\"" + id + "\","
                + "\"internal_routing\":null,"
                + "\"maintenance\":false,"
                + "\"name\":\"" + name + "\","
                + "\"owner\":{\"email\":\"owner@example.com\",\"id\":\"5c4a8e3b-2d1f-4e6a-9b7c-0d1e2f3a4b5c\"},"
                + "\"organization\":null,"
                + "\"team\":null,"
                + "\"region\":{\"id\":\"59accabd-516d-4f0e-83e6-6e3757701145\",\"name\":\"us\"},"
                + "\"released_at\":\"2024-06-" + two(day) + "T08:15:30Z\","
                + "\"repo_size\":null,"
                + "\"slug_size\":" + (50_000_000 + n) + ","
                + "\"space\":null,"
                + "\"stack\":{\"id\":\"ee582d3c-717d-4a57-ba5f-8b3a39f3a817\",\"name\":\"heroku-24\"},"
                + "\"updated_at\":\"2024-06-" + two(day) + "T08:15:31Z\","
                + "\"web_url\":\"https://" + name + "-1a2b3c4d5e6f.herokuapp.com/\""
                + "}";
    }

    /** A page of {@code size} apps. */
    public static String appList(int size) {
        StringBuilder sb = new StringBuilder(size * 1100);
        sb.append('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(app(i + 1));
        }
        return sb.append(']').toString();
    }

    /** The Next-Range a page carries; the server reads the page number back from the id. */
    public static String nextRange(int pageJustServed) {
        return String.format(Locale.ROOT, "id ]01234567-89ab-4cde-8f01-%012d..; max=1000", pageJustServed);
    }

    /** Page index (0-based) asked for by a Range header: 0 without a start id, else the id's number + 1. */
    public static int pageOf(String range) {
        if (range == null) {
            return 0;
        }
        int start = range.indexOf(']');
        if (start < 0) {
            return 0;
        }
        int dots = range.indexOf("..", start);
        String id = range.substring(start + 1, dots < 0 ? range.length() : dots);
        int dash = id.lastIndexOf('-');
        return Integer.parseInt(id.substring(dash + 1)) + 1;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
