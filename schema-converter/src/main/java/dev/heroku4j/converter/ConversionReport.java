package dev.heroku4j.converter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the conversion did that a reader of the output should know: patches, merges, renames, variant differences. */
public final class ConversionReport {

    private final List<String> patches = new ArrayList<>();
    private final List<String> merges = new ArrayList<>();
    private final List<String> renames = new ArrayList<>();
    private final List<String> operationIds = new ArrayList<>();
    private final List<String> bodiless = new ArrayList<>();
    private final List<String> variantDifferences = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> unwaited = new ArrayList<>();
    private final Map<String, TreeSet<String>> droppedKeywords = new TreeMap<>();
    private int links;
    private int linksMapped;
    private int operations;

    void patchApplied(String variant, String what) {
        patches.add("[" + variant + "] " + what);
    }

    void merged(String what) {
        merges.add(what);
    }

    void renamed(String what) {
        renames.add(what);
    }

    void operationIdChanged(String what) {
        operationIds.add(what);
    }

    void bodiless(String what) {
        bodiless.add(what);
    }

    void variantsDiffer(String what) {
        variantDifferences.add(what);
    }

    void note(String what) {
        notes.add(what);
    }

    void unwaited(String definition) {
        unwaited.add(definition);
    }

    /** Definitions with a status or state enum that {@code heroku-waiters.json} does not mention. */
    public List<String> unwaited() {
        return List.copyOf(unwaited);
    }

    void dropped(String keyword, String where) {
        droppedKeywords.computeIfAbsent(keyword, k -> new TreeSet<>()).add(where);
    }

    void coverage(int operations, int linksMapped, int links) {
        this.operations = operations;
        this.linksMapped = linksMapped;
        this.links = links;
    }

    public int operations() {
        return operations;
    }

    public int links() {
        return links;
    }

    public int linksMapped() {
        return linksMapped;
    }

    public List<String> merges() {
        return List.copyOf(merges);
    }

    public List<String> variantDifferences() {
        return List.copyOf(variantDifferences);
    }

    public List<String> renames() {
        return List.copyOf(renames);
    }

    /** Operation ids that differ from the heroku-go style name ({@code GET /addons/{..}/sso: addOnSsoAddOnSSO -> addOnSso}). */
    public List<String> operationIds() {
        return List.copyOf(operationIds);
    }

    /** Operations whose success response is an empty object and that therefore declare no response body. */
    public List<String> bodiless() {
        return List.copyOf(bodiless);
    }

    public List<String> patches() {
        return List.copyOf(patches);
    }

    /** The line the build prints and CI greps. */
    public String coverageLine() {
        return "operations: " + operations + ", links mapped: " + linksMapped + " of " + links;
    }

    /** The long form, printed with {@code --report}. */
    public String render() {
        StringBuilder out = new StringBuilder(coverageLine()).append('\n');
        section(out, "Patches applied to Heroku's schema", patches);
        section(out, "Operations merged from several links", merges);
        section(out, "Names changed to avoid collisions", renames);
        section(out, "Operation ids that differ from heroku-go's names (acronyms as words, no stutter)", operationIds);
        section(out, "Operations that answer an empty object, declared without a response body", bodiless);
        section(out, "Where the variants disagree (version=3 is the contract)", variantDifferences);
        section(out, "Notes", notes);
        section(out, "Status enums without waiter data (heroku-waiters.json)", unwaited);
        List<String> dropped = new ArrayList<>();
        droppedKeywords.forEach((keyword, places) -> dropped.add(keyword + " (" + places.size() + " places, e.g. "
                + places.first() + ")"));
        section(out, "Keywords dropped on purpose", dropped);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append('\n').append(title).append(" (").append(lines.size()).append("):\n");
        lines.forEach(line -> out.append("  - ").append(line).append('\n'));
    }
}
