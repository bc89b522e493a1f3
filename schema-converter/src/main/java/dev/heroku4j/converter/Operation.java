package dev.heroku4j.converter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One (method, path) of the API: the unit OpenAPI describes and the generator turns into one Java method. */
final class Operation {

    /** A path parameter: its name in the path template and what it accepts. */
    /** @param takesUuid whether one of the identity's alternatives is a UUID (an {@code id}) */
    record PathParameter(String name, String description, boolean takesUuid) {
    }

    private final String method;
    private final String skeleton;
    private final List<Link> links = new ArrayList<>();
    private String path;
    private List<PathParameter> pathParameters = List.of();
    private String operationId;

    Operation(String method, String skeleton) {
        this.method = method;
        this.skeleton = skeleton;
    }

    String method() {
        return method;
    }

    /** The href with every parameter replaced by {@code {}}: what makes two links the same operation. */
    String skeleton() {
        return skeleton;
    }

    /** Every link of every variant that maps here, contract variant first. */
    List<Link> links() {
        return links;
    }

    void add(Link link) {
        links.add(link);
    }

    /** The links that define this operation: those of the first variant (in contract order) that has it. */
    List<Link> definingLinks() {
        Variant first = links.get(0).variant();
        return links.stream().filter(link -> link.variant() == first).toList();
    }

    Link primaryLink() {
        return links.get(0);
    }

    Set<String> variants() {
        Set<String> variants = new LinkedHashSet<>();
        links.forEach(link -> variants.add(link.variant().name()));
        return variants;
    }

    String path() {
        return path;
    }

    List<PathParameter> pathParameters() {
        return pathParameters;
    }

    void path(String path, List<PathParameter> parameters) {
        this.path = path;
        this.pathParameters = List.copyOf(parameters);
    }

    String operationId() {
        return operationId;
    }

    void operationId(String operationId) {
        this.operationId = operationId;
    }
}
