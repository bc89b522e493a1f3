package dev.heroku4j.simulator.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.heroku4j.simulator.http.HerokuError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Heroku's regions and stacks, as data ({@code regions.json}, {@code stacks.json} beside this class): what
 * {@code GET /regions} and {@code GET /stacks} list, and what an app may be created in or on.
 */
final class Catalog {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final List<ObjectNode> regions = load("regions.json", "regions");

	private final List<ObjectNode> stacks = load("stacks.json", "stacks");

	ApiResult handle(ApiCall call) {
		boolean region = "region".equals(call.link().definition());
		List<ObjectNode> items = region ? this.regions : this.stacks;
		Optional<String> identity = call.param(call.link().definition());
		if (identity.isEmpty()) {
			List<JsonNode> copies = new ArrayList<>(items.stream().map(ObjectNode::deepCopy).toList());
			return StateContext.ok(StateContext.NODES.arrayNode().addAll(copies));
		}
		ObjectNode found = find(items, identity.get()).orElseThrow(() -> HerokuError.notFound(region ? "region" : "stack"));
		return StateContext.ok(found.deepCopy());
	}

	/** The region an app may be created in: a Common Runtime one unless the app is in a space; else Heroku's 422. */
	ObjectNode region(String identity, boolean inSpace) {
		ObjectNode region = find(this.regions, identity).orElseThrow(() -> HerokuError.invalidParams(
				"Couldn't find that region: '" + identity + "'. Known: " + names(this.regions) + "."));
		if (region.path("private_capable").asBoolean() && !inSpace) {
			throw HerokuError.invalidParams("Region '" + region.get("name").asString()
					+ "' is for Private Spaces only; create the app in a space, or in us or eu.");
		}
		return region;
	}

	ObjectNode stack(String identity) {
		return find(this.stacks, identity).orElseThrow(() -> HerokuError.invalidParams(
				"Couldn't find that stack: '" + identity + "'. Known: " + names(this.stacks) + "."));
	}

	ObjectNode defaultStack() {
		return this.stacks.stream().filter(s -> s.path("default").asBoolean()).findFirst().orElseThrow();
	}

	private static Optional<ObjectNode> find(List<ObjectNode> items, String identity) {
		return items.stream()
			.filter(item -> identity.equals(item.get("id").asString()) || identity.equals(item.get("name").asString()))
			.findFirst();
	}

	private static String names(List<ObjectNode> items) {
		return String.join(", ", items.stream().map(i -> i.get("name").asString()).toList());
	}

	private static List<ObjectNode> load(String file, String field) {
		try (InputStream in = Catalog.class.getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException(file + " is missing from the simulator's jar");
			}
			List<ObjectNode> items = new ArrayList<>();
			MAPPER.readTree(in).get(field).forEach(item -> items.add((ObjectNode) item));
			return List.copyOf(items);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
