package dev.heroku4j.reliability.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** The distinctive key every secret test uses, and helpers to look for it. */
public final class Secrets {

    /** Distinctive enough that any occurrence anywhere is a leak. */
    public static final String KEY = "hrku-SECRET-9f8e7d";

    /** A fragment that would still show up if the key were split or partly masked. */
    public static final String FRAGMENT = "9f8e7d";

    private Secrets() {
    }

    /** The throwable, its causes and suppressed exceptions, each once. */
    public static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(t, out, seen);
        return out;
    }

    private static void collect(Throwable t, List<Throwable> out, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        out.add(t);
        collect(t.getCause(), out, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, out, seen);
        }
    }

    /** Every message, toString and the full printed stack trace of the chain. */
    public static String everythingPrinted(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable e : chain(t)) {
            sb.append(e.getMessage()).append('\n').append(e.getLocalizedMessage()).append('\n').append(e).append('\n');
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return sb.append(trace).toString();
    }
}
