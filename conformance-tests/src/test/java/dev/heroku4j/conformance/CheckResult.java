package dev.heroku4j.conformance;

/** One operation of the script as one client did it: passed, or failed with the reason. */
record CheckResult(String client, String op, boolean ok, String reason) {

	static CheckResult passed(String client, String op) {
		return new CheckResult(client, op, true, "");
	}

	static CheckResult failed(String client, String op, String reason) {
		return new CheckResult(client, op, false, reason);
	}

	/** {@code client / op}: the key of the known-differences file. */
	String key() {
		return this.client + " / " + this.op;
	}

}
