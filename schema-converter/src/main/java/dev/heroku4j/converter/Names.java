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

    /**
     * Words as words, acronyms included: {@code Disable ACM} becomes {@code DisableAcm}, {@code OAuth Token}
     * {@code OauthToken}, {@code app_id} {@code AppId}. Each word keeps only its first letter upper-case.
     */
    static String pascalWords(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** {@link #pascalWords} with a lower-case first letter: {@code appDisableAcm}. */
    static String camelWords(List<String> words) {
        String pascal = pascalWords(words);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** {@code add-on} becomes {@code add_on}, the style of path parameter names. */
    static String snake(String text) {
        return String.join("_", words(text)).toLowerCase(Locale.ROOT);
    }

    /** The words of a name or title: runs of letters and digits ({@code Add-on SSO} gives {@code Add, on, SSO}). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The title's words without those that repeat the resource's name: the whole name as one run of the title, its
     * words in any order ({@code review-app} + {@code Get review app by app_id} gives {@code Get by app_id};
     * {@code password-reset} + {@code Complete Reset Password} gives {@code Complete}), or else the name's last
     * words repeated as the title's first ({@code filter-apps} + {@code Apps}, {@code space-topology} +
     * {@code Topology}). A plural repeats its singular ({@code capability} + {@code Capabilities}).
     */
    static List<String> withoutStutter(List<String> resource, List<String> title) {
        int n = resource.size();
        for (int i = 0; n > 0 && i + n <= title.size(); i++) {
            List<String> left = new ArrayList<>(resource);
            boolean whole = true;
            for (String word : title.subList(i, i + n)) {
                String match = left.stream().filter(r -> sameWord(word, r)).findFirst().orElse(null);
                if (match == null) {
                    whole = false;
                    break;
                }
                left.remove(match);
            }
            if (whole) {
                List<String> rest = new ArrayList<>(title.subList(0, i));
                rest.addAll(title.subList(i + n, title.size()));
                return rest;
            }
        }
        for (int k = Math.min(n, title.size()); k > 0; k--) {
            boolean seam = true;
            for (int j = 0; j < k && seam; j++) {
                seam = sameWord(title.get(j), resource.get(n - k + j));
            }
            if (seam) {
                return new ArrayList<>(title.subList(k, title.size()));
            }
        }
        return title;
    }

    /** The same word, ignoring case, or its plural ({@code app}/{@code Apps}, {@code capability}/{@code Capabilities}). */
    private static boolean sameWord(String word, String resourceWord) {
        String w = word.toLowerCase(Locale.ROOT);
        String r = resourceWord.toLowerCase(Locale.ROOT);
        return w.equals(r) || w.equals(r + "s") || w.equals(r + "es")
                || (r.endsWith("y") && w.equals(r.substring(0, r.length() - 1) + "ies"));
    }
}
