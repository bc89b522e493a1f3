package dev.heroku4j.converter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Maps every link of every variant to exactly one operation, keyed by method and href skeleton, and names the
 * operations and their path parameters.
 */
final class OperationIndex {

    /** A path parameter in an href: {@code {(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\(([^(){}]*)\\)\\}");
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final SchemaSet schemas;
    private final ConversionReport report;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private int links;

    OperationIndex(SchemaSet schemas, ConversionReport report) {
        this.schemas = schemas;
        this.report = report;
        for (Variant variant : schemas.variants()) {
            collect(variant);
        }
        nameParameters();
        nameOperations();
        int mapped = operations.values().stream().mapToInt(op -> op.links().size()).sum();
        report.coverage(operations.size(), mapped, links);
    }

    /** Operations in a stable order: by path, then method. */
    List<Operation> operations() {
        List<Operation> sorted = new ArrayList<>(operations.values());
        sorted.sort((a, b) -> a.path().equals(b.path()) ? a.method().compareTo(b.method()) : a.path().compareTo(b.path()));
        return sorted;
    }

    private void collect(Variant variant) {
        JsonNode definitions = variant.root().path("definitions");
        for (String definition : definitions.propertyNames()) {
            JsonNode linkArray = definitions.path(definition).path("links");
            for (int i = 0; i < linkArray.size(); i++) {
                Link link = new Link(variant, definition, i, linkArray.get(i));
                links++;
                String method = link.method().toUpperCase(java.util.Locale.ROOT);
                if (!METHODS.contains(method)) {
                    throw new ConversionException(variant.source(), link.pointer() + "/method",
                            "'" + link.method() + "' is not an HTTP method");
                }
                if (link.title().isBlank()) {
                    throw new ConversionException(variant.source(), link.pointer() + "/title",
                            "missing: operation names are made from link titles (add one in the patch file)");
                }
                String skeleton = skeleton(link);
                operations.computeIfAbsent(method + " " + skeleton, key -> new Operation(method, skeleton)).add(link);
            }
        }
    }

    private static String skeleton(Link link) {
        String href = link.href();
        if (!href.startsWith("/")) {
            throw new ConversionException(link.variant().source(), link.pointer() + "/href",
                    "href '" + href + "' must be a path starting with /");
        }
        String skeleton = PARAMETER.matcher(href).replaceAll("{}");
        if (skeleton.replace("{}", "").matches(".*[{}()].*")) {
            throw new ConversionException(link.variant().source(), link.pointer() + "/href",
                    "broken href template '" + href + "': parameters are written {(url-encoded JSON pointer)}");
        }
        return skeleton;
    }

    /**
     * Names parameters per path skeleton, so that every method on one path shares one naming: the first link
     * (contract variant, schema order) decides, and a name repeated on one path gets a numeric suffix.
     */
    private void nameParameters() {
        Map<String, List<String>> namesBySkeleton = new HashMap<>();
        Map<String, List<Operation.PathParameter>> parametersBySkeleton = new HashMap<>();
        for (Operation operation : operations.values()) {
            Link first = operation.primaryLink();
            List<Operation.PathParameter> parameters = parametersBySkeleton.computeIfAbsent(operation.skeleton(),
                    skeleton -> parameters(first));
            List<String> names = namesBySkeleton.computeIfAbsent(operation.skeleton(),
                    skeleton -> parameters.stream().map(Operation.PathParameter::name).toList());
            for (Link link : operation.links()) {
                parameters(link); // every link's parameters must resolve, not only the first's
            }
            StringBuilder path = new StringBuilder();
            String[] parts = operation.skeleton().split("\\{}", -1);
            for (int i = 0; i < parts.length; i++) {
                path.append(parts[i]);
                if (i < names.size()) {
                    path.append('{').append(names.get(i)).append('}');
                }
            }
            operation.path(path.toString(), parameters);
        }
    }

    private List<Operation.PathParameter> parameters(Link link) {
        List<Operation.PathParameter> parameters = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Matcher matcher = PARAMETER.matcher(link.href());
        while (matcher.find()) {
            String ref = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
            String at = link.pointer() + "/href";
            SchemaSet.Resolved target;
            try {
                target = schemas.resolve(ref, link.variant(), at);
            } catch (ConversionException e) {
                throw new ConversionException(link.variant().source(), at,
                        "href parameter '" + ref + "' points nowhere");
            }
            String[] segments = ref.substring(2).split("/");
            String resource = Names.snake(segments.length > 1 ? segments[1] : segments[0]);
            TreeSet<String> alternatives = new TreeSet<>();
            alternatives(target, alternatives, new HashSet<>());
            String name = resource + "_" + (alternatives.isEmpty()
                    ? Names.snake(segments[segments.length - 1])
                    : String.join("_or_", alternatives));
            String unique = name;
            for (int n = 2; !used.add(unique); n++) {
                unique = name + "_" + n;
            }
            parameters.add(new Operation.PathParameter(unique, describe(target), takesUuid(target, new HashSet<>())));
        }
        return parameters;
    }

    /** The field names an identity accepts: {@code anyOf: [id, name]} gives {@code id, name}. */
    private void alternatives(SchemaSet.Resolved target, Set<String> names, Set<String> seen) {
        if (!seen.add(target.pointer())) {
            return;
        }
        JsonNode node = target.node();
        if (node.has("anyOf") || node.has("oneOf")) {
            for (JsonNode member : node.has("anyOf") ? node.get("anyOf") : node.get("oneOf")) {
                String ref = member.path("$ref").asString("");
                if (!ref.isEmpty()) {
                    names.add(Names.snake(ref.substring(ref.lastIndexOf('/') + 1)));
                }
            }
        } else if (node.has("$ref")) {
            String ref = node.get("$ref").asString();
            SchemaSet.Resolved next = schemas.resolve(ref, target.variant(), target.pointer());
            if (next.node().has("anyOf") || next.node().has("oneOf") || next.node().has("$ref")) {
                alternatives(next, names, seen);
            } else {
                names.add(Names.snake(ref.substring(ref.lastIndexOf('/') + 1)));
            }
        }
    }

    /** Whether the identity is, or offers as an alternative, a {@code format: uuid} value. */
    private boolean takesUuid(SchemaSet.Resolved target, Set<String> seen) {
        if (!seen.add(target.pointer())) {
            return false;
        }
        JsonNode node = target.node();
        if ("uuid".equals(node.path("format").asString(""))) {
            return true;
        }
        List<JsonNode> refs = new ArrayList<>();
        for (JsonNode member : node.has("anyOf") ? node.get("anyOf") : node.path("oneOf")) {
            refs.add(member);
        }
        refs.add(node);
        for (JsonNode member : refs) {
            String ref = member.path("$ref").asString("");
            if (!ref.isEmpty() && takesUuid(schemas.resolve(ref, target.variant(), target.pointer()), seen)) {
                return true;
            }
        }
        return false;
    }

    private String describe(SchemaSet.Resolved target) {
        return describe(target, new HashSet<>());
    }

    private String describe(SchemaSet.Resolved target, Set<String> seen) {
        JsonNode node = target.node();
        if (!seen.add(target.pointer())) {
            return "";
        }
        if (node.hasNonNull("description")) {
            return node.get("description").asString();
        }
        List<String> parts = new ArrayList<>();
        JsonNode members = node.has("anyOf") ? node.get("anyOf") : node.path("oneOf");
        for (JsonNode member : members) {
            String ref = member.path("$ref").asString("");
            if (!ref.isEmpty()) {
                parts.add(schemas.resolve(ref, target.variant(), target.pointer()).node().path("description").asString(""));
            }
        }
        if (node.has("$ref") && parts.isEmpty()) {
            return describe(schemas.resolve(node.get("$ref").asString(), target.variant(), target.pointer()), seen);
        }
        parts.removeIf(String::isBlank);
        return String.join(" or ", parts);
    }

    /**
     * Names operations after heroku-go (resource + link title, {@code appListOwnedAndCollaborated}), with two
     * deliberate differences: acronyms are words ({@code appDisableAcm}, not {@code appDisableACM}), and a title that
     * repeats the resource's name drops the repetition ({@code addOnSsoAddOnSSO} becomes {@code addOnSso}), unless
     * the shorter id is another operation's full name. Ids that still collide get their path's literal segments
     * appended. Every id that differs from the heroku-go style name this converter gave before is reported.
     */
    private void nameOperations() {
        List<Operation> ordered = operations();
        Map<Operation, String> full = new HashMap<>();
        for (Operation operation : ordered) {
            Link first = operation.primaryLink();
            List<String> words = new ArrayList<>(Names.words(first.definition()));
            words.addAll(Names.words(first.title()));
            full.put(operation, Names.camelWords(words));
        }
        Set<String> fullIds = new HashSet<>(full.values());
        Map<Operation, String> ids = assign(ordered, operation -> {
            Link first = operation.primaryLink();
            List<String> resource = Names.words(first.definition());
            List<String> words = new ArrayList<>(resource);
            words.addAll(Names.withoutStutter(resource, Names.words(first.title())));
            String shorter = Names.camelWords(words);
            return shorter.equals(full.get(operation)) || !fullIds.contains(shorter) ? shorter : full.get(operation);
        }, text -> Names.pascalWords(Names.words(text)), true);
        Map<Operation, String> legacy = assign(ordered,
                operation -> Names.camel(operation.primaryLink().definition()) + Names.pascal(operation.primaryLink().title()),
                Names::pascal, false);
        for (Operation operation : ordered) {
            operation.operationId(ids.get(operation));
            if (!ids.get(operation).equals(legacy.get(operation))) {
                report.operationIdChanged(operation.method() + " " + operation.path() + ": " + legacy.get(operation)
                        + " -> " + ids.get(operation));
            }
        }
    }

    /** Gives each operation its name, or, when that is taken, its name + the path's literal segments. */
    private Map<Operation, String> assign(List<Operation> ordered, Function<Operation, String> naming,
            UnaryOperator<String> pascal, boolean reported) {
        Map<String, Operation> byId = new HashMap<>();
        Map<Operation, String> ids = new HashMap<>();
        for (Operation operation : ordered) {
            String id = naming.apply(operation);
            Operation clash = byId.get(id);
            if (clash != null) {
                String suffixed = id + pascal.apply(String.join(" ", operation.skeleton().replace("{}", "").split("/")));
                String renamed = suffixed;
                for (int n = 2; byId.containsKey(renamed); n++) {
                    renamed = suffixed + n; // ids stay unique even when the suffixed name is taken too
                }
                if (reported) {
                    report.renamed(operation.method() + " " + operation.path() + ": " + id + " is taken by "
                            + clash.method() + " " + clash.path() + ", named " + renamed);
                }
                id = renamed;
            }
            byId.put(id, operation);
            ids.put(operation, id);
        }
        return ids;
    }
}
