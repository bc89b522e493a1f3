package dev.heroku4j.simulator.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.heroku4j.simulator.fault.Fault;
import reactor.core.publisher.Flux;

/**
 * What to send back, independent of the HTTP server library. The server applies the fault-related parts: it waits
 * {@code latency}, resets the connection or truncates the body as {@code fault} says, and streams {@code lines}
 * (log sessions) one by one.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body body bytes, empty for none
 * @param latency delay before answering
 * @param fault a {@link Fault.Kind#CONNECTION_RESET} or {@link Fault.Kind#TRUNCATED_BODY} fault, or {@code null}
 * @param lines text to stream instead of {@code body}, each element sent as it is (newlines included), or
 *        {@code null}; an error signal cuts the connection (an interrupted stream)
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body, Duration latency, Fault fault,
		Flux<String> lines) {

	public SimResponse {
		headers = new LinkedHashMap<>(headers);
	}

	public SimResponse withLatency(Duration delay, Fault fault) {
		return new SimResponse(this.status, this.headers, this.body, delay, fault, this.lines);
	}

}
