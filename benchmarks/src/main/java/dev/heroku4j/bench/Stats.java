package dev.heroku4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median with min-max of repeated measurements. */
public record Stats(List<Double> values) {

    /** Spread (max - min) / median above which a figure is flagged. */
    public static final double WIDE = 0.25;

    public static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Stats(List.copyOf(sorted));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int n() {
        return values.size();
    }

    public double median() {
        int n = values.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** Linear interpolation between closest ranks. */
    public double quantile(double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double pos = q * (values.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(values.size() - 1, lo + 1);
        return values.get(lo) + (values.get(hi) - values.get(lo)) * (pos - lo);
    }

    public double min() {
        return values.isEmpty() ? Double.NaN : values.get(0);
    }

    public double max() {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    public double spread() {
        double m = median();
        return m == 0 ? 0 : (max() - min()) / Math.abs(m);
    }

    public boolean wide() {
        return spread() > WIDE;
    }

    /** "123 (110-130)", with a warning sign when the spread is wide. */
    public String fmt(String pattern) {
        if (values.isEmpty()) {
            return "n/a";
        }
        return f(pattern, median()) + " (" + f(pattern, min()) + "–" + f(pattern, max()) + ")" + (wide() ? " ⚠" : "");
    }

    /** The cells of a paired table row: "**median** | 25%–75% quartiles | min–max". */
    public String pairedCells(String pattern) {
        return "**" + f(pattern, median()) + "** | " + quartileRange(pattern) + " | " + f(pattern, min()) + "–"
                + f(pattern, max());
    }

    /** "0.94–1.01": the 25% and 75% quartiles. */
    public String quartileRange(String pattern) {
        return f(pattern, quantile(0.25)) + "–" + f(pattern, quantile(0.75));
    }

    public static String f(String pattern, Object... v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
