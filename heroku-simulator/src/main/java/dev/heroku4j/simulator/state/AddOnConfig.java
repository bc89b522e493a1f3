package dev.heroku4j.simulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.heroku4j.simulator.state.StateContext.id;

/**
 * What attaching an add-on does to its app, as on Heroku: the attachment's config var ({@code DATABASE_URL} for an
 * attachment named {@code DATABASE}) is set, listed in the add-on's {@code config_vars}, and a release is made
 * ({@code Attach DATABASE (@ref:postgresql-curly-12345)}); destroying the add-on removes the var again with a
 * {@code Detach} release. The URL points at nothing: {@code *.simulator.invalid} never resolves.
 */
final class AddOnConfig {

	private final StateContext ctx;

	private final Releases releases;

	AddOnConfig(StateContext ctx, Releases releases) {
		this.ctx = ctx;
		this.releases = releases;
	}

	/** Sets the config var of the add-on's attachment to its app and makes the release that carries it. */
	void attached(ObjectNode addOn, ObjectNode app) {
		List<String> names = new ArrayList<>();
		for (ObjectNode attachment : this.ctx.ofApp("add-on-attachment", app)) {
			if (id(addOn).equals(attachment.path("addon").path("id").asString())) {
				names.add(attachment.path("name").asString());
			}
		}
		if (names.isEmpty()) {
			return;
		}
		ObjectNode vars = this.ctx.store.configVars(id(app));
		ArrayNode configVars = addOn.putArray("config_vars");
		for (String name : names) {
			String var = name.toUpperCase(Locale.ROOT) + "_URL";
			vars.put(var, url(addOn));
			configVars.add(var);
		}
		this.releases.create(app, "Attach " + String.join(", ", names) + " (@ref:" + addOn.path("name").asString() + ")",
				this.releases.currentSlug(app), null);
	}

	/** Removes the add-on's config vars from its app, with a release, when there were any. */
	void detached(ObjectNode addOn, ObjectNode app) {
		ObjectNode vars = this.ctx.store.configVars(id(app));
		boolean removed = false;
		for (JsonNode var : addOn.path("config_vars")) {
			removed |= vars.remove(var.asString()) != null;
		}
		if (removed) {
			List<String> names = new ArrayList<>();
			addOn.path("config_vars").forEach(v -> names.add(v.asString().replaceFirst("_URL$", "")));
			this.releases.create(app, "Detach " + String.join(", ", names) + " (@ref:" + addOn.path("name").asString()
					+ ")", this.releases.currentSlug(app), null);
		}
	}

	/** A URL of the service's scheme that leads nowhere, with throw-away credentials. */
	private static String url(ObjectNode addOn) {
		String service = addOn.path("addon_service").path("name").asString();
		String host = addOn.path("name").asString() + ".simulator.invalid";
		String secret = ResourceStore.newId().replace("-", "");
		return switch (service) {
			case "heroku-postgresql" -> "postgres://u" + secret.substring(0, 12) + ":p" + secret.substring(12) + "@" + host
					+ ":5432/d" + secret.substring(0, 8);
			case "heroku-redis" -> "redis://:p" + secret + "@" + host + ":6379";
			default -> "https://" + host + "/?token=" + secret;
		};
	}

}
