package dev.heroku4j.converter;

import tools.jackson.databind.JsonNode;

/** One link (one API call) of one variant's schema, with its place in that schema. */
record Link(Variant variant, String definition, int index, JsonNode node) {

    String pointer() {
        return "#/definitions/" + definition + "/links/" + index;
    }

    String method() {
        return node.path("method").asString();
    }

    String href() {
        return node.path("href").asString();
    }

    String title() {
        return node.path("title").asString();
    }

    String rel() {
        return node.path("rel").asString();
    }

    String description() {
        return node.path("description").asString();
    }
}
