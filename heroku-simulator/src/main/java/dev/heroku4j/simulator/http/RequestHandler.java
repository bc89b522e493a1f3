package dev.heroku4j.simulator.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.heroku4j.simulator.fault.Fault;
import dev.heroku4j.simulator.fault.Faults;
import dev.heroku4j.simulator.journal.Journal;
import dev.heroku4j.simulator.journal.JournalEntry;
import dev.heroku4j.simulator.paging.ListFilter;
import dev.heroku4j.simulator.paging.Pager;
import dev.heroku4j.simulator.ratelimit.RateLimiter;
import dev.heroku4j.simulator.schema.ApiVersion;
import dev.heroku4j.simulator.schema.Link;
import dev.heroku4j.simulator.schema.Operation;
import dev.heroku4j.simulator.schema.OperationIndex;
import dev.heroku4j.simulator.schema.SchemaVariant;
import dev.heroku4j.simulator.schema.VariantCatalog;
import dev.heroku4j.simulator.state.ApiCall;
import dev.heroku4j.simulator.state.ApiResult;
import dev.heroku4j.simulator.state.StatefulApi;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import dev.heroku4j.simulator.validation.Coercion;
import dev.heroku4j.simulator.validation.RequestRules;
import dev.heroku4j.simulator.validation.SchemaValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * The simulator's request pipeline, in the order Heroku's API applies it: faults (test-only), authentication, rate
 * limit, API version (named variants from the {@link VariantCatalog} included), routing, body parsing, coercion and
 * validation, then the operation itself (stateful, answered from the catalog, or synthesised), filtering and paging,
 * and a journal entry. Every failure becomes a Heroku error body; nothing escapes as a stack trace.
 */
public final class RequestHandler {

	static final String ADMIN_PREFIX = "/__simulator/";

	private static final String RATE_LIMITS = "/account/rate-limits";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final OperationIndex index;

	private final SchemaValidator validator;

	private final Map<SchemaVariant, ResponseSynthesizer> synthesizers;

	private final StatefulApi api;

	private final RateLimiter rateLimiter;

	private final Faults faults;

	private final Journal journal;

	private final Authentication authentication;

	private final AdminEndpoints admin;

	private final BodyJudge bodies;

	private final VariantCatalog catalog;

	private final DataAnswers answers;

	/**
	 * @param apiKeys the API keys accepted; empty accepts any non-empty key
	 * @param adminToken the key the {@code /__simulator/} plumbing needs
	 */
	public RequestHandler(OperationIndex index, SchemaValidator validator, Map<SchemaVariant, ResponseSynthesizer> synthesizers,
			StatefulApi api, RateLimiter rateLimiter, Faults faults, Journal journal, Set<String> apiKeys, String adminToken,
			AdminEndpoints admin) {
		this.index = index;
		this.validator = validator;
		this.synthesizers = synthesizers;
		this.api = api;
		this.rateLimiter = rateLimiter;
		this.faults = faults;
		this.journal = journal;
		this.authentication = new Authentication(apiKeys, adminToken);
		this.admin = admin;
		RequestRules rules = RequestRules.load();
		this.bodies = new BodyJudge(validator, new Coercion(index, rules), rules);
		this.catalog = index.catalog().orElseGet(VariantCatalog::load);
		this.answers = new DataAnswers(this.catalog, api.store());
	}

	/** Mutable notes about one request, turned into its journal entry at the end. */
	private static final class Trace {

		Operation operation;

		List<String> titles = List.of();

		String requestedVersion;

		List<String> messages = new ArrayList<>();

		List<String> responseMessages = List.of();

		String fault;

		/** The schema accepted the request (route, variant, body); an error after that is the state's answer. */
		boolean judged;

	}

	public SimResponse handle(SimRequest request) {
		String requestId = request.header("request-id") != null ? request.header("request-id") : UUID.randomUUID().toString();
		if (request.path().startsWith(ADMIN_PREFIX)) {
			return finish(handOut(request), requestId);
		}
		Trace trace = new Trace();
		Faults.Plan plan = this.faults.plan(request.method(), request.path());
		trace.fault = plan.describe();
		SimResponse response;
		boolean valid = false;
		try {
			if (plan.action() != null && plan.action().kind() == Fault.Kind.STATUS) {
				int status = plan.action().status();
				throw new HerokuError(status, status == 503 ? "service_unavailable" : "internal_server_error",
						"Injected fault: the simulator answers " + status + " for this request.");
			}
			if (plan.action() != null && plan.action().kind() == Fault.Kind.CONNECTION_RESET) {
				response = new SimResponse(0, Map.of(), new byte[0], Duration.ZERO, null, null);
			}
			else {
				response = process(request, trace);
				valid = true;
			}
		}
		catch (HerokuError error) {
			if (!trace.judged) {
				trace.messages.add(0, error.status() + " " + error.id() + ": " + error.getMessage());
			}
			// a request the schema accepted stays valid when the state refuses it (a 404 for a missing app, a limit)
			valid = trace.judged;
			response = error(error);
		}
		catch (RuntimeException ex) {
			// A simulator bug, never the client's fault: say so without leaking a stack trace.
			trace.messages.add("500 internal_server_error: " + ex);
			response = error(new HerokuError(500, "internal_server_error", "The simulator failed: " + ex.getClass().getSimpleName()));
		}
		record(request, trace, response.status(), valid);
		Fault action = plan.action() != null && plan.action().kind() != Fault.Kind.STATUS ? plan.action() : null;
		return finish(response.withLatency(plan.latency(), action), requestId);
	}

	/**
	 * The plumbing under {@code /__simulator/}. The URLs the API hands out (source uploads, streams, log sessions)
	 * take injected faults too, as S3 or Logplex can fail: a faulted request is not acted on (an upload answered
	 * 503 or reset stores nothing).
	 */
	private SimResponse handOut(SimRequest request) {
		if (!this.admin.isJournaled(request.path())) {
			return this.admin.handle(request, this.authentication);
		}
		Trace trace = new Trace();
		Faults.Plan plan = this.faults.plan(request.method(), request.path());
		trace.fault = plan.describe();
		Fault action = plan.action();
		SimResponse response;
		if (action != null && action.kind() == Fault.Kind.STATUS) {
			int status = action.status();
			response = error(new HerokuError(status, status == 503 ? "service_unavailable" : "internal_server_error",
					"Injected fault: the simulator answers " + status + " for this request."));
		}
		else if (action != null && action.kind() == Fault.Kind.CONNECTION_RESET) {
			response = new SimResponse(0, Map.of(), new byte[0], Duration.ZERO, null, null);
		}
		else {
			response = this.admin.handle(request, this.authentication);
		}
		record(request, trace, response.status(), true);
		return response.withLatency(plan.latency(), action != null && action.kind() != Fault.Kind.STATUS ? action : null);
	}

	private SimResponse process(SimRequest request, Trace trace) {
		this.authentication.requireApiKey(request);
		boolean free = "GET".equals(request.method()) && RATE_LIMITS.equals(request.path());
		if (!free && !this.rateLimiter.tryConsume()) {
			throw new HerokuError(429, "rate_limit",
					"Your account reached the API rate limit. Please wait a few minutes before making new requests.");
		}
		ApiVersion version = version(request, trace);
		OperationIndex.Match match = this.index.match(request.method(), request.path()).orElseThrow(() -> {
			Set<String> allowed = this.index.allowedMethods(request.path());
			if (allowed.isEmpty()) {
				return new HerokuError(404, "not_found", "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?");
			}
			return new MethodNotAllowed(request.method(), allowed);
		});
		Operation operation = match.operation();
		trace.operation = operation;
		if (operation.isDataOnly() && !operation.namedVersions().contains(version.version())) {
			throw new HerokuError(404, "not_found", "The requested API endpoint was not found in version "
					+ version + ". " + operation + " exists only with `Accept: " + SchemaVariant.MEDIA_TYPE
					+ "; version=" + String.join("` or `version=", operation.namedVersions()) + "`.");
		}
		if (!version.isNamed() && version.base() == SchemaVariant.V3 && !operation.variants().contains(SchemaVariant.V3)) {
			throw new HerokuError(404, "not_found", "The requested API endpoint was not found in version 3. "
					+ operation + " exists only in `Accept: " + SchemaVariant.V3_SDK.acceptHeader() + "`.");
		}
		List<Link> links = operation.linksFor(version);
		List<String> titles = new ArrayList<>();
		BodyJudge.Choice choice = this.bodies.choose(links, BodyJudge.parse(request), trace.messages, titles);
		trace.titles = List.copyOf(titles);
		Link link = choice.link();
		trace.judged = true;

		ApiResult result;
		if (free) {
			result = new ApiResult(200, JsonNodeFactory.instance.objectNode().put("remaining", this.rateLimiter.remaining()));
		}
		else {
			ApiCall call = new ApiCall(link, match.bindings(), choice.body(), request.baseUrl());
			result = this.api.handle(call)
				.or(() -> this.answers.answer(operation.toString(), call))
				.map(stateful -> new ApiResult(stateful.status(), this.synthesizers.get(link.variant())
					.conform(stateful.body(), this.index.schema(link.variant()).responseSchema(link))))
				.orElseGet(() -> synthesize(link));
		}
		Map<String, String> headers = new LinkedHashMap<>();
		JsonNode responseBody = link.isEmpty() ? null : result.body();
		int status = result.status();
		if (responseBody != null && responseBody.isArray() && ("GET".equals(request.method()) || "instances".equals(link.rel()))) {
			Pager.Page page = Pager.page(ListFilter.apply(responseBody, request.query()), request.header("range"), ranges(link));
			responseBody = page.items();
			status = page.status();
			if (page.nextRange() != null) {
				headers.put("Next-Range", page.nextRange());
			}
			if (page.contentRange() != null) {
				headers.put("Content-Range", page.contentRange());
			}
		}
		trace.responseMessages = this.validator.validateResponse(link, responseBody == null ? MissingNode.getInstance() : responseBody);
		return json(status, responseBody, headers);
	}

	private ApiResult synthesize(Link link) {
		JsonNode body = this.synthesizers.get(link.variant()).forLink(link);
		boolean create = "POST".equals(link.method()) && "create".equals(link.rel());
		return new ApiResult(create ? 201 : 200, body);
	}

	/**
	 * The version named by {@code Accept: application/vnd.heroku+json; version=...}: {@code 3}, {@code 3.sdk} or a
	 * named variant the catalog lists. No Heroku media type at all is a 400 (as Heroku answers a request without a
	 * version); an unknown version is a 406.
	 */
	private ApiVersion version(SimRequest request, Trace trace) {
		String requested = AcceptHeader.version(request.header("accept"));
		if (requested == null) {
			throw new HerokuError(400, "bad_request", "Please specify a version along with Heroku's API MIME type. For example, `Accept: "
					+ SchemaVariant.V3.acceptHeader() + "`.");
		}
		trace.requestedVersion = requested;
		return this.catalog.version(requested).orElseThrow(() -> new HerokuError(406, "not_acceptable", "API version "
				+ requested + " is not supported. Use `Accept: " + SchemaVariant.V3.acceptHeader() + "`, `"
				+ SchemaVariant.V3_SDK.acceptHeader() + "` or a named variant ("
				+ String.join(", ", this.catalog.variants().stream().map(VariantCatalog.NamedVariant::version).toList()) + ")."));
	}

	private List<String> ranges(Link link) {
		JsonNode ranges = this.index.schema(link.variant()).at(link.pointer() + "/ranges");
		List<String> fields = new ArrayList<>();
		ranges.forEach(r -> fields.add(r.asString()));
		return fields;
	}

	private SimResponse finish(SimResponse response, String requestId) {
		response.headers().put("Request-Id", requestId);
		response.headers().put("RateLimit-Remaining", String.valueOf(this.rateLimiter.remaining()));
		return response;
	}

	private void record(SimRequest request, Trace trace, int status, boolean valid) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		this.journal.record(new JournalEntry(this.journal.nextSequence(), Instant.now(), request.method(), request.path(),
				request.query(), headers, request.bodyText(), trace.operation == null ? null : trace.operation.toString(),
				trace.titles, trace.requestedVersion, status, valid && trace.messages.isEmpty(), List.copyOf(trace.messages),
				trace.fault, trace.responseMessages));
	}

	static SimResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
		Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
		byte[] bytes = new byte[0];
		if (body != null) {
			headers.put("Content-Type", "application/json");
			bytes = MAPPER.writeValueAsBytes(body);
		}
		return new SimResponse(status, headers, bytes, Duration.ZERO, null, null);
	}

	static SimResponse error(HerokuError error) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (error instanceof MethodNotAllowed notAllowed) {
			headers.put("Allow", String.join(", ", notAllowed.allowed));
		}
		return json(error.status(), error.toJson(), headers);
	}

	/** 405 with the methods that the path does accept. */
	static final class MethodNotAllowed extends HerokuError {

		final Set<String> allowed;

		MethodNotAllowed(String method, Set<String> allowed) {
			super(405, "method_not_allowed", "Method " + method + " is not allowed here; use one of " + allowed + ".");
			this.allowed = allowed;
		}

	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
