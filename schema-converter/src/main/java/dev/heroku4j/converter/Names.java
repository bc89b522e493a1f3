package dev.heroku4j.converter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How Heroku's names (kebab-case resources, snake_case fields, "List Owned and Collaborated" titles) become code names. */
final class Names {

    private Names() {
    }

    /** {@code add-on-attachment} becomes {@code AddOnAttachment}; {@code ca_signed?} becomes {@code CaSigned}. */
    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : words(text)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    /** {@code add-on} and {@code List Owned} become {@code addOnListOwned}. */
    static String camel(String text) {
        String pascal = pascal(text);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** {@code add-on} becomes {@code add_on}, the style of path parameter names. */
    static String snake(String text) {
        return String.join("_", words(text)).toLowerCase(Locale.ROOT);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
