package dev.heroku4j.simulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Failures to inject into the state's asynchronous work, each used once by the first work it matches: a build that
 * stays {@code pending}, a build that fails with given output, a release whose release phase fails, a dyno that
 * crashes instead of coming up, a stream cut after some lines, a resource of {@code lifecycles.json} (add-on, space,
 * VPN connection...) that stays in progress or fails. {@code app} {@code null} matches any app.
 * <pre>{@code
 * sim.state().failures().buildFails("my-app", "-----> Ruby app detected", " !     Push rejected");
 * }</pre>
 */
public final class Failures {

	public enum Kind {

		/** The build never leaves {@code pending}. */
		BUILD_STUCK,
		/** The build ends {@code failed}, its output being {@code lines}. */
		BUILD_FAILS,
		/** The release phase ends {@code failed}; the previous release stays current. */
		RELEASE_FAILS,
		/** The release phase never ends: the release stays {@code pending}, as during an incident (heroku/cli#1272). */
		RELEASE_STUCK,
		/** The dyno ({@code dyno}, or any of the app's) goes {@code crashed} instead of {@code up}. */
		DYNO_CRASHES,
		/** The next stream served (build or release output, log session) is cut after {@code afterLines} lines. */
		STREAM_CUT,
		/** A {@code resource} of {@code lifecycles.json} (an add-on, a space...) stays in its start state. */
		STUCK,
		/** A {@code resource} of {@code lifecycles.json} moves to its failure state, its failure detail filled. */
		FAILS

	}

	/** One injected failure. */
	public record Failure(Kind kind, String app, String dyno, List<String> lines, int afterLines, String resource) {

		public Failure(Kind kind, String app, String dyno, List<String> lines, int afterLines) {
			this(kind, app, dyno, lines, afterLines, null);
		}

		public Failure {
			if ((kind == Kind.STUCK || kind == Kind.FAILS) && resource == null) {
				throw new IllegalArgumentException(kind + " needs the resource it is for (e.g. space, add-on)");
			}
			if (resource != null) {
				Lifecycles.requireOwn(resource, "to make " + kind);
			}
			lines = lines == null ? List.of() : List.copyOf(lines);
			if (afterLines < 0) {
				throw new IllegalArgumentException("afterLines must be >= 0, was " + afterLines);
			}
		}

		boolean matches(Kind kind, String appName, String dynoName) {
			return this.kind == kind && this.resource == null && (this.app == null || this.app.equals(appName))
					&& (this.dyno == null || this.dyno.equals(dynoName));
		}

	}

	private final List<Failure> active = new ArrayList<>();

	public Failure buildStuckPending(String app) {
		return inject(new Failure(Kind.BUILD_STUCK, app, null, null, 0));
	}

	public Failure buildFails(String app, String... outputLines) {
		return inject(new Failure(Kind.BUILD_FAILS, app, null, List.of(outputLines), 0));
	}

	public Failure releaseFails(String app) {
		return inject(new Failure(Kind.RELEASE_FAILS, app, null, null, 0));
	}

	public Failure releaseStuckPending(String app) {
		return inject(new Failure(Kind.RELEASE_STUCK, app, null, null, 0));
	}

	public Failure dynoCrashes(String app, String dyno) {
		return inject(new Failure(Kind.DYNO_CRASHES, app, dyno, null, 0));
	}

	public Failure streamCut(int afterLines) {
		return inject(new Failure(Kind.STREAM_CUT, null, null, null, afterLines));
	}

	/** The next {@code resource} of {@code lifecycles.json} created (for {@code app}, or any if null) stays in progress. */
	public Failure stuck(String resource, String app) {
		return inject(new Failure(Kind.STUCK, app, null, null, 0, resource));
	}

	/** The next {@code resource} of {@code lifecycles.json} created (for {@code app}, or any if null) fails. */
	public Failure fails(String resource, String app) {
		return inject(new Failure(Kind.FAILS, app, null, null, 0, resource));
	}

	public synchronized Failure inject(Failure failure) {
		this.active.add(failure);
		return failure;
	}

	/** The first matching failure, removed: each is used once. */
	public synchronized Optional<Failure> take(Kind kind, String app, String dyno) {
		for (int i = 0; i < this.active.size(); i++) {
			if (this.active.get(i).matches(kind, app, dyno)) {
				return Optional.of(this.active.remove(i));
			}
		}
		return Optional.empty();
	}

	/** The first {@link Kind#STUCK} or {@link Kind#FAILS} failure for this resource (and app, if it names one), removed. */
	synchronized Optional<Failure> takeLifecycle(String resource, String appName) {
		for (int i = 0; i < this.active.size(); i++) {
			Failure failure = this.active.get(i);
			if ((failure.kind == Kind.STUCK || failure.kind == Kind.FAILS) && resource.equals(failure.resource)
					&& (failure.app == null || failure.app.equals(appName))) {
				return Optional.of(this.active.remove(i));
			}
		}
		return Optional.empty();
	}

	public synchronized List<Failure> active() {
		return List.copyOf(this.active);
	}

	public synchronized void clear() {
		this.active.clear();
	}

}
