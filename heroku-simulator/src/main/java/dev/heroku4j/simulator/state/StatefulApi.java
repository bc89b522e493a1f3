package dev.heroku4j.simulator.state;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.heroku4j.simulator.http.HerokuError;
import dev.heroku4j.simulator.stream.Streams;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations that keep state, routed by the link's definition to one class per area: {@link Apps} (and config
 * vars), {@link Formations} (and dynos), {@link Releases} (and slugs), {@link Builds} (and sources),
 * {@link AppSetups}, {@link LogSessions}, {@link GenericResources} (domains, add-ons, attachments, collaborators,
 * drains, SNI endpoints, pipelines, couplings), {@link Promotions}, {@link Lifecycles} (spaces, VPN connections,
 * peerings, app transfers, review apps, test runs: whatever {@code lifecycles.json} moves through states),
 * {@link BuildpackInstallations}, {@link Teams} and the {@link Catalog} of regions and stacks. Everything else is answered with a
 * body synthesised from the schema.
 * <p>
 * Each call and each public method runs under one lock; due timeline changes run first, and the
 * {@link StateEvents} the change caused are fired after the lock is released.
 */
public final class StatefulApi implements AutoCloseable {

	private final StateContext ctx;

	private final Catalog catalog = new Catalog();

	private final Releases releases;

	private final Apps apps;

	private final Formations formations;

	private final Builds builds;

	private final AppSetups appSetups;

	private final LogSessions logSessions;

	private final GenericResources generic;

	private final Promotions promotions;

	private final Lifecycles lifecycles;

	/** Definitions answered elsewhere (app webhooks and their deliveries: simulator.webhook). */
	private Function<ApiCall, Optional<ApiResult>> others = call -> Optional.empty();

	private final BuildpackInstallations buildpacks;

	private final Teams teams;

	/** With the system clock and {@link Timings#DEFAULT}. */
	public StatefulApi(ResourceStore store, ResponseSynthesizer synthesizer) {
		this(store, synthesizer, Clock.systemUTC(), Timings.DEFAULT);
	}

	public StatefulApi(ResourceStore store, ResponseSynthesizer synthesizer, Clock clock, Timings timings) {
		this.ctx = new StateContext(store, synthesizer, new StateEvents(), clock, timings);
		this.releases = new Releases(this.ctx);
		this.apps = new Apps(this.ctx, this.catalog, this.releases);
		this.formations = new Formations(this.ctx, this.releases);
		this.builds = new Builds(this.ctx, this.releases, this.formations);
		this.appSetups = new AppSetups(this.ctx, this.apps, this.builds);
		this.logSessions = new LogSessions(this.ctx);
		this.lifecycles = new Lifecycles(this.ctx);
		this.generic = new GenericResources(this.ctx, this.releases, this.lifecycles);
		this.promotions = new Promotions(this.ctx, this.releases);
		this.buildpacks = new BuildpackInstallations(this.ctx);
		this.teams = new Teams(this.ctx);
	}

	public ResourceStore store() {
		return this.ctx.store;
	}

	/** Changes to the state as they happen (webhook entities and actions). */
	public StateEvents events() {
		return this.ctx.events;
	}

	/** Failures to inject into builds, releases, dynos and streams. */
	public Failures failures() {
		return this.ctx.failures;
	}

	/** Build and release output and app logs, as the stream URLs serve them. */
	public Streams streams() {
		return this.ctx.streams;
	}

	public Timings timings() {
		return this.ctx.timings;
	}

	/** Handles the call if its operation keeps state; empty means "answer with a synthesised body". */
	public Optional<ApiResult> handle(ApiCall call) {
		this.ctx.useOrigin(call.baseUrl());
		return write(() -> {
			this.ctx.timeline.runDue();
			return Optional.ofNullable(route(call));
		});
	}

	private ApiResult route(ApiCall call) {
		String definition = call.link().definition();
		return switch (definition) {
			case "app" -> this.apps.handle(call);
			case "config-var" -> this.apps.configVars(call);
			case "formation" -> this.formations.formation(call);
			case "dyno" -> this.formations.dynos(call);
			case "release" -> this.releases.handle(call);
			case "slug" -> this.releases.slugs(call);
			case "build" -> this.builds.handle(call);
			case "source" -> this.builds.sources(call);
			case "app-setup" -> this.appSetups.handle(call);
			case "log-session" -> this.logSessions.handle(call);
			case "pipeline-promotion", "pipeline-promotion-target" -> this.promotions.handle(call);
			case "buildpack-installation" -> this.buildpacks.handle(call);
			case "region", "stack" -> this.catalog.handle(call);
			case "team" -> this.teams.handle(call);
			case "add-on" -> "resolve".equals(call.link().rel()) ? this.generic.resolveAddOn(call) : this.generic.handle(call);
			default -> GenericResources.DEFINITIONS.contains(definition) && !"resolve".equals(call.link().rel())
					? this.generic.handle(call)
					: this.lifecycles.handles(definition) ? this.lifecycles.handle(call) : this.others.apply(call).orElse(null);
		};
	}

	// ---------------------------------------------------------------- for seeds and tests

	/** Creates an app with its first release, as {@code POST /apps} does. Seeds use it too. */
	public ObjectNode createApp(String name, String region, String stack) {
		return write(() -> this.apps.create(name, region, stack));
	}

	/** Sets the given vars and removes those whose value is {@code null}; makes a release, as Heroku does. */
	public ObjectNode updateConfigVars(ObjectNode app, JsonNode changes) {
		return write(() -> this.apps.updateConfigVars(app, changes));
	}

	/** Sets a process type's quantity and/or size (creating the type if new) and starts or stops dynos to match. */
	public ObjectNode scale(ObjectNode app, String type, Integer quantity, String size) {
		return write(() -> this.formations.scale(app, type, quantity, size));
	}

	/** Adds the app's next release with the given slug ({@code {"id": ...}} or null) and makes it current. */
	public ObjectNode createRelease(ObjectNode app, String description, JsonNode slug) {
		return write(() -> this.releases.create(app, description, slug, null));
	}

	/** Creates a build of the body's {@code source_blob}, as {@code POST /apps/{app}/builds} does. */
	public ObjectNode createBuild(ObjectNode app, JsonNode body) {
		return write(() -> this.builds.create(app, body));
	}

	/** Creates a domain, add-on, attachment, collaborator, drain, SNI endpoint, pipeline or coupling. Seeds use it too. */
	public ObjectNode createGeneric(String definition, List<ObjectNode> parents, JsonNode body) {
		return write(() -> this.generic.create(definition, parents, body));
	}

	/**
	 * Stores a resource of {@code lifecycles.json} (e.g. a {@code peering}, which has no create link) made from the
	 * schema's sample and {@code body}, and starts its lifecycle as a create would.
	 */
	public ObjectNode seedLifecycle(String definition, JsonNode body) {
		return write(() -> this.lifecycles.create(definition, body));
	}

	public Optional<ObjectNode> findApp(String identity) {
		return write(() -> this.ctx.findApp(identity));
	}

	/** Crashes a dyno of the app now, as a failing process would. */
	public void crashDyno(String app, String dyno) {
		write(() -> {
			this.formations.crash(this.ctx.findApp(app).orElseThrow(() -> HerokuError.notFound("app")), dyno);
			return null;
		});
	}

	/** Appends a line to the app's log ({@code <time> <source>: <text>}, e.g. source {@code app[web.1]}). */
	public void log(ObjectNode app, String source, String text) {
		write(() -> {
			this.ctx.log(app, source, text);
			return null;
		});
	}

	/** Replaces the app's log with these lines ({@code source: text} each, e.g. {@code app[web.1]: Listening}), stamped now. */
	public void replaceLog(ObjectNode app, List<String> lines) {
		write(() -> {
			this.ctx.streams.resetAppLog(app.get("id").asString());
			for (String line : lines) {
				int colon = line.indexOf(": ");
				this.ctx.log(app, line.substring(0, Math.max(colon, 0)), line.substring(colon + 2));
			}
			return null;
		});
	}

	/** Lets another component answer the stateful calls of definitions this class does not handle. */
	public void handleOthers(Function<ApiCall, Optional<ApiResult>> handler) {
		this.others = handler;
	}

	/** Runs the changes that are due on the simulator's clock (a test that moved its clock on calls this). */
	public void runDue() {
		write(() -> {
			this.ctx.timeline.runDue();
			return null;
		});
	}

	/** Runs every pending change now, due or not: builds end, release phases end, dynos are up. */
	public void settle() {
		write(() -> {
			this.ctx.timeline.runAll();
			return null;
		});
	}

	/** Forgets everything: resources, streams, pending changes, injected failures. */
	public void clear() {
		write(() -> {
			this.ctx.timeline.clear();
			this.ctx.store.clear();
			this.ctx.streams.clear();
			this.ctx.failures.clear();
			return null;
		});
	}

	@Override
	public void close() {
		this.ctx.timeline.close();
	}

	private <T> T write(java.util.function.Supplier<T> change) {
		return this.ctx.write(change);
	}

}
