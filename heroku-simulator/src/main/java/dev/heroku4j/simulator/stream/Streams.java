package dev.heroku4j.simulator.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every stream the simulator serves: build and release output (until the build or release phase ends) and each
 * app's log (the latest 1,500 lines, Heroku's log buffer), plus the log sessions opened on them.
 */
public final class Streams {

	/** Heroku keeps an app's latest 1,500 log lines. */
	public static final int LOG_BUFFER = 1500;

	/** Output kept per build or release; far more than any test prints. */
	static final int OUTPUT_LIMIT = 100_000;

	/** Log sessions remembered; Heroku's expire after a few minutes, here the oldest are forgotten. */
	static final int SESSIONS = 10_000;

	/**
	 * One log session: the app's log from line {@code start} on, at most {@code lines} lines unless it tails.
	 *
	 * @param dyno only lines of this dyno or process type ({@code web}, {@code web.1}), or null
	 * @param source only lines of this source ({@code app}, {@code heroku}), or null
	 */
	public record Session(String id, String appId, String appName, long start, int lines, boolean tail, String dyno,
			String source) {
	}

	private final Map<String, LineLog> outputs = new LinkedHashMap<>();

	private final Map<String, LineLog> appLogs = new LinkedHashMap<>();

	private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
			return size() > SESSIONS;
		}

	};

	/** The output of a build or release, by its id. */
	public synchronized LineLog output(String id) {
		return this.outputs.computeIfAbsent(id, key -> new LineLog(OUTPUT_LIMIT));
	}

	public synchronized Optional<LineLog> existingOutput(String id) {
		return Optional.ofNullable(this.outputs.get(id));
	}

	/** An app's log, by app id. */
	public synchronized LineLog appLog(String appId) {
		return this.appLogs.computeIfAbsent(appId, key -> new LineLog(LOG_BUFFER));
	}

	/** A new log session on the app's log, starting with its latest {@code lines} lines. */
	public synchronized Session openSession(String id, String appId, String appName, int lines, boolean tail, String dyno,
			String source) {
		long start = Math.max(1, appLog(appId).last() - lines + 1);
		Session session = new Session(id, appId, appName, start, lines, tail, dyno, source);
		this.sessions.put(id, session);
		return session;
	}

	public synchronized Optional<Session> session(String id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	/** Starts the app's log afresh (seeds that want a known log); open followers of the old one complete. */
	public synchronized LineLog resetAppLog(String appId) {
		LineLog old = this.appLogs.remove(appId);
		if (old != null) {
			old.finish();
		}
		return appLog(appId);
	}

	/** Forgets an app's log and its sessions (the app is gone). */
	public synchronized void dropApp(String appId) {
		LineLog log = this.appLogs.remove(appId);
		if (log != null) {
			log.finish();
		}
		this.sessions.values().removeIf(s -> s.appId().equals(appId));
	}

	public synchronized void clear() {
		this.outputs.values().forEach(LineLog::finish);
		this.appLogs.values().forEach(LineLog::finish);
		this.outputs.clear();
		this.appLogs.clear();
		this.sessions.clear();
	}

}
