package dev.heroku4j.simulator.seed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.heroku4j.simulator.state.StatefulApi;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The named seeds: {@code empty} and {@code demo}. */
public final class Seeds {

	/**
	 * Three apps with running dynos, a few releases and config vars, a Postgres add-on, a domain, and a pipeline that
	 * couples two of them: enough for a sample app's dashboard.
	 */
	public static final Seed DEMO = Seeds::demo;

	private Seeds() {
	}

	/** The seed called {@code name} ({@code empty}/{@code none} or {@code demo}). */
	public static Seed named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "empty", "none" -> Seed.EMPTY;
			case "demo" -> DEMO;
			default -> throw new IllegalArgumentException("unknown seed '" + name + "' (known: empty, demo)");
		};
	}

	private static void demo(StatefulApi api) {
		ObjectNode web = api.createApp("demo-storefront", "us", "heroku-24");
		ObjectNode worker = api.createApp("demo-storefront-staging", "us", "heroku-24");
		ObjectNode api3 = api.createApp("demo-inventory-api", "eu", "heroku-22");

		api.updateConfigVars(web, vars(Map.of("RAILS_ENV", "production", "WEB_CONCURRENCY", "2", "LOG_LEVEL", "info")));
		api.updateConfigVars(worker, vars(Map.of("RAILS_ENV", "staging", "LOG_LEVEL", "debug")));
		api.updateConfigVars(api3, vars(Map.of("JAVA_OPTS", "-Xmx300m", "SPRING_PROFILES_ACTIVE", "prod")));

		api.createRelease(web, "Deploy 4f2a9c1", slug());
		api.createRelease(web, "Deploy 9b7e03d", slug());
		api.createRelease(worker, "Deploy 9b7e03d", slug());
		api.createRelease(api3, "Deploy 1c0ffee", slug());

		api.scale(web, "web", 2, "standard-1X");
		api.scale(web, "worker", 1, "standard-1X");
		api.scale(worker, "web", 1, "basic");
		api.scale(api3, "web", 1, "standard-2X");

		ObjectNode postgres = api.createGeneric("add-on", List.of(web),
				JsonNodeFactory.instance.objectNode().put("plan", "heroku-postgresql:essential-0"));
		// the add-on's own log drain (as a logging add-on would have): reachable under the app and the add-on
		api.createGeneric("log-drain", List.of(web), JsonNodeFactory.instance.objectNode()
			.put("url", "syslog+tls://logs.example.com:6514").put("addon", postgres.get("id").asString()));
		api.createGeneric("domain", List.of(web), JsonNodeFactory.instance.objectNode().put("hostname", "www.example.com"));
		api.createGeneric("collaborator", List.of(web), JsonNodeFactory.instance.objectNode().put("user", "dev@example.com"));

		ObjectNode pipeline = api.createGeneric("pipeline", List.of(),
				JsonNodeFactory.instance.objectNode().put("name", "demo-storefront-pipeline"));
		api.createGeneric("pipeline-coupling", List.of(), coupling(worker, pipeline, "staging"));
		api.createGeneric("pipeline-coupling", List.of(), coupling(web, pipeline, "production"));

		// dynos up, then a short known log per app (what the sample's "Tail logs" shows first)
		api.settle();
		for (ObjectNode app : List.of(web, worker, api3)) {
			String host = app.get("name").asString() + ".herokuapp.com";
			api.replaceLog(app, List.of("app[web.1]: Starting process with command `bundle exec puma`",
					"heroku[router]: at=info method=GET path=\"/\" host=" + host + " status=200 bytes=512",
					"app[web.1]: Completed 200 OK in 12ms", "heroku[web.1]: State changed from starting to up"));
		}
	}

	private static ObjectNode vars(Map<String, String> values) {
		ObjectNode vars = JsonNodeFactory.instance.objectNode();
		values.forEach(vars::put);
		return vars;
	}

	private static ObjectNode slug() {
		return JsonNodeFactory.instance.objectNode().put("id", java.util.UUID.randomUUID().toString());
	}

	private static ObjectNode coupling(ObjectNode app, ObjectNode pipeline, String stage) {
		return JsonNodeFactory.instance.objectNode()
			.put("app", app.get("id").asString())
			.put("pipeline", pipeline.get("id").asString())
			.put("stage", stage);
	}

}
